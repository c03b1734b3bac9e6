// The build's processes: Astro renders in a render process that lives on between builds (unless it
// grew large), Pagefind indexes in a process of its own, and a process that dies fails the build
// without touching the live site. Real processes, real Astro and Pagefind, on a small snapshot.
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { writeSyntheticSnapshot } from "@aide/testing";
import { afterAll, describe, expect, it } from "vitest";
import { buildHeapMb, removeSite, SiteBuilder } from "../src/index.ts";

const work = mkdtempSync(join(tmpdir(), "aide-build-process-"));
const snapshot = join(work, "snapshot.json");
writeSyntheticSnapshot(snapshot, 6);
const env = { ...process.env, AIDE_SNAPSHOT: snapshot };
const dists: string[] = [];
const distIn = (name: string) => {
	const dist = join(work, name);
	dists.push(dist);
	return dist;
};
const htmlFiles = (dist: string) =>
	readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html")).length;
afterAll(() => {
	for (const dist of dists) removeSite(dist);
	rmSync(work, { recursive: true, force: true });
});

describe("SiteBuilder", () => {
	it("renders in the process it started ahead, keeps it for the next build, and indexes in a process that is gone once done", async () => {
		// Its own snapshot, which grows between the builds: the kept process reads the content anew for each.
		const growing = join(work, "growing.json");
		writeSyntheticSnapshot(growing, 6);
		const builder = new SiteBuilder({ ...env, AIDE_SNAPSHOT: growing });
		const dist = distIn("kept");
		try {
			builder.warm();
			const [renderPid, ...none] = builder.pids;
			expect(renderPid).toBeTypeOf("number");
			expect(none).toEqual([]);
			const first = await builder.build(dist);
			expect(first.ok, first.error).toBe(true);
			expect(first.figures?.pages).toBe(htmlFiles(dist));
			expect(readFileSync(join(dist, "en", "faq", "en-question-3", "index.html"), "utf8")).toContain("Question en 3 ?");
			// The index process wrote the compressed copies too.
			expect(first.detail).toMatch(/, compressed in \d+\.\d s$/);
			const page = readFileSync(join(dist, "en", "faq", "en-question-3", "index.html"));
			expect(brotliDecompressSync(readFileSync(join(dist, "en", "faq", "en-question-3", "index.html.br")))).toEqual(page);
			// Pagefind's own files too, compressed once Pagefind has written them (the pages meanwhile).
			const loader = readFileSync(join(dist, "pagefind", "pagefind.js"));
			expect(gunzipSync(readFileSync(join(dist, "pagefind", "pagefind.js.gz")))).toEqual(loader);
			expect(builder.pids).toEqual([renderPid]);
			const firstBuild = realpathSync(dist);
			writeSyntheticSnapshot(growing, 7);
			const second = await builder.build(dist);
			expect(second.ok, second.error).toBe(true);
			expect(builder.pids).toEqual([renderPid]);
			expect(realpathSync(dist)).not.toBe(firstBuild);
			expect(readFileSync(join(dist, "en", "faq", "en-question-6", "index.html"), "utf8")).toContain("Question en 6 ?");
		} finally {
			builder.stop();
		}
	});

	it("stops the render process before indexing when the site is large, and starts a fresh one for the next build", async () => {
		const builder = new SiteBuilder(env, { largeSitePages: 10 });
		const dist = distIn("recycled");
		try {
			builder.warm();
			const [rendering] = builder.pids;
			const outcome = await builder.build(dist);
			expect(outcome.ok, outcome.error).toBe(true);
			expect(() => process.kill(rendering ?? 0, 0)).toThrow();
			const [fresh, ...none] = builder.pids;
			expect(fresh).toBeTypeOf("number");
			expect(fresh).not.toBe(rendering);
			expect(none).toEqual([]);
			expect(readFileSync(join(dist, "pagefind", "pagefind-entry.json"), "utf8")).toContain('"fr"');
		} finally {
			builder.stop();
		}
	});

	it("fails a build whose render process dies, keeps the live site, and builds again with a new process", async () => {
		const builder = new SiteBuilder(env);
		const dist = distIn("killed");
		try {
			expect((await builder.build(dist)).ok).toBe(true);
			const live = realpathSync(dist);
			const [renderPid] = builder.pids;
			const failed = builder.build(dist);
			process.kill(renderPid as number, "SIGKILL");
			const outcome = await failed;
			expect(outcome.ok).toBe(false);
			expect(outcome.error).toBe("the render process (heap limit 768 MB) stopped (SIGKILL) in the middle of the build.");
			expect(realpathSync(dist)).toBe(live);
			const again = await builder.build(dist);
			expect(again.ok, again.error).toBe(true);
			expect(builder.pids).not.toContain(renderPid);
		} finally {
			builder.stop();
		}
	});

	it("replaces a render process that died while waiting for a build", async () => {
		const builder = new SiteBuilder(env);
		const dist = distIn("died-idle");
		try {
			builder.warm();
			const [idle] = builder.pids;
			process.kill(idle as number, "SIGKILL");
			await until(() => !alive(idle as number));
			const outcome = await builder.build(dist);
			expect(outcome.ok, outcome.error).toBe(true);
			expect(builder.pids).not.toContain(idle);
		} finally {
			builder.stop();
		}
	});
});

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function until(condition: () => boolean): Promise<void> {
	for (let tries = 0; !condition(); tries++) {
		if (tries > 100) throw new Error("the process did not exit within 5 s");
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe("AIDE_BUILD_HEAP_MB", () => {
	it("defaults to 768 MB and takes a whole number of megabytes", () => {
		expect(buildHeapMb({})).toBe(768);
		expect(buildHeapMb({ AIDE_BUILD_HEAP_MB: " 2048 " })).toBe(2048);
	});

	it("refuses what is not a size, saying what it must be", () => {
		expect(() => new SiteBuilder({ AIDE_BUILD_HEAP_MB: "lots" })).toThrow(
			'AIDE_BUILD_HEAP_MB must be a whole number from 256 to 65536, the V8 heap limit of the site\'s render process in megabytes (raise it if a build runs out of memory); not "lots".',
		);
		expect(() => buildHeapMb({ AIDE_BUILD_HEAP_MB: "100" })).toThrow("AIDE_BUILD_HEAP_MB must be a whole number from 256 to 65536");
	});
});
