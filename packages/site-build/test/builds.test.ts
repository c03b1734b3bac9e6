import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildsPruned, newBuildDir, promoteBuild, removeSite } from "../src/index.ts";

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
