// Whatever the CMS returns, the site writes only inside its build folder: a slug or an anchor that
// would name another folder (".", "..", "a/b", "%2e%2e") stops `npm run build` with a message naming
// the entry, its locale and the field, and leaves no file anywhere. Built from snapshot files, as
// `npm run build -- --snapshot <file>` does; the one-entry fast path's own check is tested on its function.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pathInside, removeSite, replaceFile } from "@aide/site-build";
import { writeSyntheticSnapshot } from "@aide/testing";
import { afterAll, describe, expect, it } from "vitest";

const siteDir = fileURLToPath(new URL("../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-hostile-content-"));
const out = join(work, "site", "dist");
afterAll(() => {
	removeSite(out);
	rmSync(work, { recursive: true, force: true });
});

interface Snapshot {
	locales: Record<string, { entries: Array<Record<string, unknown>>; categories: Array<Record<string, unknown>> }>;
}

/** A snapshot of the synthetic content with one field of one document set to `value`. */
function hostileSnapshot(name: string, kind: "entries" | "categories", field: string, value: string): string {
	const file = join(work, `${name}.json`);
	writeSyntheticSnapshot(file, 3);
	const snapshot = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
	const document = snapshot.locales.en?.[kind][1];
	if (!document) throw new Error("the synthetic snapshot has no second English document");
	document[field] = value;
	writeFileSync(file, JSON.stringify(snapshot));
	return file;
}

/**
 * Every file and folder under `dir`, and what git sees changed in apps/site (ignored folders included:
 * a page written outside its build folder would land in apps/site/.builds or above).
 */
const everything = (dir: string) => [
	...readdirSync(dir, { recursive: true, encoding: "utf8" }).sort(),
	spawnSync("git", ["status", "--porcelain", "--ignored", "--", "."], { cwd: siteDir, encoding: "utf8" }).stdout,
];

describe("npm run build with a hostile snapshot", () => {
	it.each([
		["entries", "slug", "..", 'FAQ entry doc1 "Question en 1 ?" (en) has an invalid slug'],
		["categories", "slug", "a/b", 'Category cat1 "Section 1" (en) has an invalid slug'],
		["entries", "anchor", "%2e%2e", 'FAQ entry doc1 "Question en 1 ?" (en) has an invalid anchor'],
	] as const)("stops on %s with a %s of %j, names the document, and writes nothing", (kind, field, value, names) => {
		const snapshot = hostileSnapshot(`${kind}-${field}`, kind, field, value);
		const before = everything(work);
		const { NODE_ENV: _test, VITEST: _vitest, ...inherited } = process.env;
		const result = spawnSync(process.execPath, ["scripts/build.ts", "--snapshot", snapshot], {
			cwd: siteDir,
			encoding: "utf8",
			env: { ...inherited, AIDE_SITE_OUT_DIR: out },
		});
		expect(result.status, result.stdout).toBe(1);
		expect(result.stderr).toContain(`aide: the site was not built, and the live site (${out}) was left as it was.`);
		expect(result.stderr).toContain(`${names} (it is ${JSON.stringify(value)}): must `);
		expect(result.stderr).toContain("Fix it in the CMS, then build again.");
		expect(everything(work)).toEqual(before);
		expect(existsSync(out)).toBe(false);
	});
});

describe("the one-entry fast path's writes", () => {
	it("stay inside the build folder, whatever the slug", () => {
		const root = join(work, "build", "client");
		mkdirSync(join(root, "en", "faq", "ok"), { recursive: true });
		for (const slug of ["..", ".", "", "../..", "a/../../..", "/etc", "a\\b", "a\0b"]) {
			expect(() => replaceFile(root, ["en", "faq", slug, "index.html"], "pwned"), slug).toThrow(
				/^".*" is not a plain file or folder name, so it cannot be written under .*; nothing was written\. Check the slugs of the content in the CMS\.$/,
			);
		}
		expect(readdirSync(work, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html"))).toEqual([]);
		replaceFile(root, ["en", "faq", "ok", "index.html"], "fine");
		expect(readFileSync(pathInside(root, "en", "faq", "ok", "index.html"), "utf8")).toBe("fine");
		expect(pathInside(root, "..x")).toBe(join(root, "..x"));
	});
});
