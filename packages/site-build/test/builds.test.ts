import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildsPruned, dropLinkedCopy, linkedCopyOfLive, newBuildDir, prepareLinkedCopy, promoteBuild, removeSite } from "../src/index.ts";

const sites: string[] = [];
afterEach(async () => {
	await buildsPruned();
	for (const dist of sites.splice(0)) removeSite(dist);
});

/** A build folder with a page in its static files, as Astro leaves it. */
function fakeBuild(dist: string, page: string): string {
	const dir = newBuildDir(dist);
	mkdirSync(join(dir, "client"));
	writeFileSync(join(dir, "client", "index.html"), page);
	return dir;
}

describe("putting builds live", () => {
	it("keeps the live build and the one before it, and removes the older ones off the event loop", async () => {
		const dist = join(mkdtempSync(join(tmpdir(), "aide-builds-")), "dist");
		sites.push(dist);
		const builds = ["one", "two", "three", "four"].map((page) => {
			const dir = fakeBuild(dist, page);
			promoteBuild(dist, dir);
			return dir;
		});
		const buildsDir = dirname(builds[0] ?? "");
		expect(realpathSync(dist)).toBe(realpathSync(join(builds[3] ?? "", "client")));
		// Right after promoting, the old builds are already out of the way (set aside), if not yet deleted.
		const listed = () => readdirSync(buildsDir).filter((name) => !name.startsWith("."));
		expect(listed().sort()).toEqual(builds.slice(2).map((dir) => basename(dir)));
		await buildsPruned();
		expect(readdirSync(buildsDir).sort()).toEqual(listed().sort());
		expect(existsSync(builds[0] ?? "")).toBe(false);
	});

	it("removes what an earlier process set aside and did not finish removing", async () => {
		const dist = join(mkdtempSync(join(tmpdir(), "aide-builds-")), "dist");
		sites.push(dist);
		promoteBuild(dist, fakeBuild(dist, "one"));
		const buildsDir = dirname(dirname(realpathSync(dist)));
		const stale = join(buildsDir, ".trash-1-1", "old-build");
		mkdirSync(stale, { recursive: true });
		writeFileSync(join(stale, "index.html"), "old");
		promoteBuild(dist, fakeBuild(dist, "two"));
		await buildsPruned();
		expect(existsSync(join(buildsDir, ".trash-1-1"))).toBe(false);
		expect(readFileSync(join(realpathSync(dist), "index.html"), "utf8")).toBe("two");
	});
});

describe("the linked copy of the live build a fast path writes into", () => {
	const newSite = () => {
		const dist = join(mkdtempSync(join(tmpdir(), "aide-builds-")), "dist");
		sites.push(dist);
		return dist;
	};
	const buildsDirOf = (dist: string) => dirname(dirname(realpathSync(dist)));
	const sparesIn = (dist: string) => readdirSync(buildsDirOf(dist)).filter((name) => name.startsWith(".spare-"));
	const inode = (file: string) => statSync(file).ino;

	it("is linked now when none was made ahead: every file a hard link to the live one's", async () => {
		const dist = newSite();
		promoteBuild(dist, fakeBuild(dist, "one"));
		const copy = await linkedCopyOfLive(dist);
		expect(copy?.from).toBe(realpathSync(dist));
		expect(inode(join(copy?.dir ?? "", "client", "index.html"))).toBe(inode(join(dist, "index.html")));
	});

	it("is the one made ahead for the live build, taken whole: the publish waits for none of the linking", async () => {
		const dist = newSite();
		promoteBuild(dist, fakeBuild(dist, "one"));
		prepareLinkedCopy(dist);
		const [spare] = sparesIn(dist);
		expect(spare).toBeDefined();
		const copy = await linkedCopyOfLive(dist);
		// The spare folder became the copy (renamed, not linked again).
		expect(sparesIn(dist)).toEqual([]);
		expect(readdirSync(copy?.dir ?? "")).toEqual(["client"]);
		expect(inode(join(copy?.dir ?? "", "client", "index.html"))).toBe(inode(join(dist, "index.html")));
		// Taken once: the next one is linked anew.
		const next = await linkedCopyOfLive(dist);
		expect(next?.dir).not.toBe(copy?.dir);
		expect(readFileSync(join(next?.dir ?? "", "client", "index.html"), "utf8")).toBe("one");
	});

	it("is not the one made ahead for a build that is no longer live, which is removed", async () => {
		const dist = newSite();
		promoteBuild(dist, fakeBuild(dist, "one"));
		prepareLinkedCopy(dist);
		promoteBuild(dist, fakeBuild(dist, "two"));
		const copy = await linkedCopyOfLive(dist);
		expect(copy?.from).toBe(realpathSync(dist));
		expect(readFileSync(join(copy?.dir ?? "", "client", "index.html"), "utf8")).toBe("two");
		// Set aside once its linking ends (or is stopped), then removed.
		await vi.waitFor(() => expect(sparesIn(dist)).toEqual([]));
		await buildsPruned();
		expect(readdirSync(buildsDirOf(dist)).filter((name) => name.startsWith("."))).toEqual([]);
	});

	it("made ahead and not used is removed when dropped, or by the next process's pruning after a stop", async () => {
		const dist = newSite();
		promoteBuild(dist, fakeBuild(dist, "one"));
		prepareLinkedCopy(dist);
		dropLinkedCopy(dist);
		await vi.waitFor(() => expect(sparesIn(dist)).toEqual([]));
		await buildsPruned();
		expect(readdirSync(buildsDirOf(dist)).filter((name) => name.startsWith("."))).toEqual([]);
		// A spare an earlier process left (it was stopped): removed at the next build's swap.
		const left = join(buildsDirOf(dist), ".spare-1-1");
		mkdirSync(join(left, "client"), { recursive: true });
		promoteBuild(dist, fakeBuild(dist, "two"));
		await buildsPruned();
		expect(existsSync(left)).toBe(false);
	});
});
