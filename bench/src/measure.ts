// Measuring helpers: peak memory of a process tree and how it moves over a step (read from /proc, so
// that child processes such as Pagefind's binary count too), folder sizes, and a page's gzipped weight.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

function rssOf(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, "utf8");
		return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
	} catch {
		return 0; // gone
	}
}

/** The pids of `root` and all its descendants. */
function treeOf(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync("/proc")) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// The parent pid is the 4th field, after the command in parentheses (which may hold spaces).
			const stat = readFileSync(`/proc/${name}/stat`, "utf8");
			const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
		} catch {
			// gone
		}
	}
	const tree = [root];
	for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index] as number) ?? []));
	return tree;
}

interface Sample {
	at: number;
	bytes: number;
}

/** Samples the summed RSS of the trees of `roots()` every `everyMs`, from now until stopped. */
function sampleMemory(roots: () => number[], everyMs: number): { stop(): [Sample, ...Sample[]] } {
	const samples: Sample[] = [];
	const sample = () => {
		const pids = new Set(roots().flatMap(treeOf));
		samples.push({ at: performance.now(), bytes: [...pids].reduce((total, pid) => total + rssOf(pid), 0) });
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		stop() {
			clearInterval(timer);
			sample();
			return samples as [Sample, ...Sample[]];
		},
	};
}

const peakOf = (samples: Sample[]) => samples.reduce((peak, { bytes }) => Math.max(peak, bytes), 0);

/** Samples the summed RSS of the trees of `roots()` every `everyMs` until stopped; returns the peak in bytes. */
export function peakMemory(roots: () => number[], everyMs = 100): { stop(): number } {
	const sampling = sampleMemory(roots, everyMs);
	return { stop: () => peakOf(sampling.stop()) };
}

export interface MemoryTrend {
	/** Summed RSS when sampling started. */
	startBytes: number;
	/** The highest sample in the first and in the second half of the time sampled. */
	firstHalfPeakBytes: number;
	secondHalfPeakBytes: number;
	/** secondHalfPeakBytes / firstHalfPeakBytes: about 1 when memory stays flat, above when it grows with the work done. */
	ratio: number;
}

/**
 * Samples the summed RSS of the trees of `roots()` every `everyMs` until stopped, and says whether it
 * grew: the peak of the second half of the time against the first's.
 */
export function memoryTrend(roots: () => number[], everyMs = 250): { stop(): MemoryTrend } {
	const sampling = sampleMemory(roots, everyMs);
	return {
		stop() {
			const samples = sampling.stop();
			const [first] = samples;
			const middle = (first.at + (samples.at(-1) ?? first).at) / 2;
			const firstHalfPeakBytes = peakOf(samples.filter(({ at }) => at <= middle));
			const secondHalfPeakBytes = peakOf(samples.filter(({ at }) => at > middle));
			return {
				startBytes: first.bytes,
				firstHalfPeakBytes,
				secondHalfPeakBytes,
				ratio: firstHalfPeakBytes > 0 ? secondHalfPeakBytes / firstHalfPeakBytes : 0,
			};
		},
	};
}

export function folderSize(dir: string): number {
	return readdirSync(dir, { recursive: true, encoding: "utf8" }).reduce((total, name) => {
		const stat = statSync(join(dir, name));
		return total + (stat.isFile() ? stat.size : 0);
	}, 0);
}

export const gzipSize = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

export const seconds = (ms: number) => Math.round(ms / 100) / 10;
export const megabytes = (bytes: number) => Math.round(bytes / 1e5) / 10;
