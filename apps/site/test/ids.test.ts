// Element ids cannot collide, whatever anchors and answer headings editors choose. Anchors are
// `^[a-z0-9]+(?:-[a-z0-9]+)*$`; an answer's headings get `<anchor>--<slug>` ("--" is in no anchor);
// the site's own ids start with `aide_` ("_" is in no anchor nor any "<anchor>--" prefix). This builds
// a site whose anchors are the old page-own ids and the old heading ids of other entries.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { removeSite } from "@aide/site-build";
import { writeSyntheticSnapshot } from "@aide/testing";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, expect, it } from "vitest";

const siteDir = fileURLToPath(new URL("../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-site-ids-"));
const snapshot = join(work, "snapshot.json");
const out = join(work, "dist");

/** Anchor and answer per entry: each anchor is an id the page or another entry's answer used to have. */
const ENTRIES: Array<[string, string]> = [
	["foo", "### Bar\n\nA sub-heading: it used to get the id foo-bar.\n\n### Bar\n\nTwice."],
	["foo-bar", "The anchor foo's sub-heading used to take."],
	["main", "### Search input\n\nThe layout's <main> was #main."],
	["search-input", "The search box was #search-input."],
	["search-category", "The category filter was #search-category."],
	["search-results", "The results list was #search-results."],
	["toc-title", "The FAQ page's table of contents was titled #toc-title."],
	["related-title", "### Related title\n\nThe related questions were titled #related-title."],
	["category-fr-rubrique-0", "The first category's heading was #category-fr-rubrique-0."],
	["category-en-rubrique-0", "And in English, #category-en-rubrique-0."],
	["section", "### ???\n\nA heading with no letters gets the slug section."],
];

beforeAll(() => {
	writeSyntheticSnapshot(snapshot, ENTRIES.length);
	const content = JSON.parse(readFileSync(snapshot, "utf8")) as {
		locales: Record<string, { entries: Array<{ anchor: string; answer: string; related: unknown[] }> }>;
	};
	for (const [locale, { entries }] of Object.entries(content.locales)) {
		for (const [n, entry] of entries.entries()) {
			const [anchor, answer] = ENTRIES[n] as [string, string];
			Object.assign(entry, { anchor, answer, related: n === 0 ? [] : [{ documentId: "doc0", slug: `${locale}-question-0` }] });
		}
	}
	writeFileSync(snapshot, JSON.stringify(content));
	const { NODE_ENV: _test, ...inherited } = process.env;
	const result = spawnSync(process.execPath, ["scripts/build.ts"], {
		cwd: siteDir,
		encoding: "utf8",
		env: { ...inherited, AIDE_SITE_OUT_DIR: out, AIDE_SNAPSHOT: snapshot },
	});
	if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}\n${result.stderr}`);
}, 180_000);
afterAll(() => {
	removeSite(out);
	rmSync(work, { recursive: true, force: true });
});

const pages = () => readdirSync(out, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html"));
const idsOf = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] as string);

it("gives every element of every page a unique id, even when anchors are the page's own ids or other entries' heading ids", async () => {
	const validator = new HtmlValidate();
	const problems: string[] = [];
	for (const file of pages()) {
		const report = await validator.validateFile(join(out, file));
		for (const result of report.results)
			for (const message of result.messages) problems.push(`${file}:${message.line}: ${message.ruleId} ${message.message}`);
		const ids = idsOf(readFileSync(join(out, file), "utf8"));
		expect(
			ids.filter((id, index) => ids.indexOf(id) !== index),
			file,
		).toEqual([]);
	}
	expect(problems).toEqual([]);
});

it("keeps every entry's anchor as its heading's id, answer headings under it, and every #link on a page resolving", () => {
	const faq = readFileSync(join(out, "fr", "faq", "index.html"), "utf8");
	for (const [anchor] of ENTRIES) expect(faq).toContain(`<h2 id="${anchor}">`);
	expect(idsOf(faq)).toEqual(
		expect.arrayContaining(["foo--bar", "foo--bar-1", "main--search-input", "related-title--related-title", "section--section"]),
	);
	for (const file of pages()) {
		const html = readFileSync(join(out, file), "utf8");
		const ids = new Set(idsOf(html));
		for (const [, target] of html.matchAll(/\shref="#([^"]*)"/g))
			expect(ids.has(decodeURIComponent(target ?? "")), `${file}: #${target}`).toBe(true);
	}
});
