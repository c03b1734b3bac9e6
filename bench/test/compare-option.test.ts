// `--compare` takes only what the bench can compare with, and says so before any work starts.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ratio } from "../src/hugo-comparison.ts";

describe("npm run bench -- --compare", () => {
	it("refuses another stack than hugo, naming what it takes", () => {
		const bench = fileURLToPath(new URL("../src/bench.ts", import.meta.url));
		const run = spawnSync(process.execPath, [bench, "--entries", "20", "--compare", "jekyll"], { encoding: "utf8", timeout: 60_000 });
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('--compare takes "hugo", not "jekyll".');
		expect(run.stdout).not.toContain("generat");
	});

	it("gives each ratio Aide / Hugo to two decimals, and none when Hugo's figure is zero", () => {
		expect(ratio(3, 2)).toBe(1.5);
		expect(ratio(195, 84)).toBe(2.32);
		expect(ratio(31_800, 0)).toBeNull();
	});
});
