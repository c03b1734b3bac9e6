// `npm run bench -- --publishes N`: the memory of a long-running site service. One entry is changed and
// published N times; each time the bench waits for the one-entry fast path (the answer's page shows the
// change) and then for the full rebuild, and it notes the memory of this process (which runs the site
// service: its builds run in child processes) after the 5th publish and after the last.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { SiteService } from "@aide/portal/site-service";
import { buildsPruned } from "@aide/site-build";
import { createEntryDraft, publishEntry } from "@aide/testing";

export interface MemorySample {
	publishes: number;
	rssBytes: number;
	heapUsedBytes: number;
}

export interface PublishMemory {
	publishes: number;
	/** After the 5th publish (the first when fewer), and after the last. */
	first: MemorySample;
	last: MemorySample;
	/** last / first. */
	rssRatio: number;
	heapRatio: number;
	/** How long the answer's page took to show each change, median and slowest. */
	pageLiveP50Ms: number;
	pageLiveMaxMs: number;
}

/** The publish after which memory is first noted: the caches of a fresh process have filled by then. */
export const FIRST_SAMPLE = 5;

// `gc()` without starting node with --expose-gc: the flag set at run time exposes it to new contexts.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

function memoryAfterGc(publishes: number): MemorySample {
	collectGarbage();
	const { rss, heapUsed } = process.memoryUsage();
	return { publishes, rssBytes: rss, heapUsedBytes: heapUsed };
}

export interface PublishTarget {
	cmsUrl: string;
	admin: string;
	site: SiteService;
	entry: { documentId: string; question: string; slug: string; answer: string };
}

export async function publishRepeatedly(
	{ cmsUrl, admin, site, entry }: PublishTarget,
	count: number,
	progress: (done: number) => void,
): Promise<PublishMemory> {
	const pageMs: number[] = [];
	let first: MemorySample | undefined;
	let last: MemorySample | undefined;
	for (let publish = 1; publish <= count; publish++) {
		const marker = `Published ${publish} times by the benchmark at ${new Date().toISOString()}.`;
		await createEntryDraft(
			cmsUrl,
			admin,
			{ question: entry.question, slug: entry.slug, answer: `${marker}\n\n${entry.answer}` },
			"en",
			entry.documentId,
		);
		const started = performance.now();
		await publishEntry(cmsUrl, admin, entry.documentId, "en");
		for (;;) {
			const page = await fetch(`${site.publicUrl}/en/faq/${entry.slug}/`);
			if ((await page.text()).includes(marker)) break;
			if (performance.now() - started > 600_000) throw new Error(`publish ${publish}: the change was not visible after 10 minutes`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		pageMs.push(performance.now() - started);
		await site.rebuilder.idle();
		const report = site.reports.at(-1);
		if (!report?.ok) throw new Error(`publish ${publish}: the full rebuild failed: ${report?.error ?? "no report"}`);
		// The replaced builds' files are removed in the background; their deletion is not the service's memory.
		await buildsPruned();
		if (publish === Math.min(FIRST_SAMPLE, count)) first = memoryAfterGc(publish);
		if (publish === count) last = memoryAfterGc(publish);
		progress(publish);
	}
	if (!first || !last) throw new Error("--publishes must be at least 1");
	const sorted = pageMs.toSorted((a, b) => a - b);
	return {
		publishes: count,
		first,
		last,
		rssRatio: last.rssBytes / first.rssBytes,
		heapRatio: last.heapUsedBytes / first.heapUsedBytes,
		pageLiveP50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
		pageLiveMaxMs: sorted.at(-1) ?? 0,
	};
}
