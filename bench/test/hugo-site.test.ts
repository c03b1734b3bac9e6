// The Hugo site of `--compare hugo` holds the same answers as Aide's: one page per question and
// language, translations paired, the answer (and nothing else of the page) for Pagefind to index.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generatePages } from "../src/generate.ts";
import { writeHugoSite } from "../src/hugo-site.ts";

const dir = mkdtempSync(join(tmpdir(), "aide-bench-hugo-site-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeHugoSite", () => {
	const generated = generatePages(join(dir, "pages"), 40);
	const site = join(dir, "hugo");
	const { questionPages } = writeHugoSite(generated.files, site);

	it("writes one page per question and language, in one section per category", () => {
		expect(questionPages).toBe(generated.entriesPerLocale + generated.translated);
		expect(readdirSync(join(site, "content", "fr", "rubrique-1")).sort()).toContain("_index.md");
		const count = (locale: string) =>
			readdirSync(join(site, "content", locale), { recursive: true, encoding: "utf8" }).filter((name) => /q\d+\.md$/.test(name)).length;
		expect(count("fr")).toBe(40);
		expect(count("en")).toBe(38);
		// q20 is one of the entries left in French only.
		expect(existsSync(join(site, "content", "en", "rubrique-1", "q20.md"))).toBe(false);
		expect(readFileSync(join(site, "content", "en", "rubrique-1", "_index.md"), "utf8")).toBe('---\ntitle: "Section 1"\nweight: 1\n---\n');
	});

	it("pairs each question with its translation and keeps the answer without its keywords", () => {
		const fr = readFileSync(join(site, "content", "fr", "rubrique-1", "q1.md"), "utf8");
		const en = readFileSync(join(site, "content", "en", "rubrique-1", "q1.md"), "utf8");
		expect(fr).toMatch(/^---\ntitle: ".+ \(1\) \?"\nanchor: "q1"\ntranslationKey: "q1"\n---\n/);
		expect(en).toMatch(/^---\ntitle: ".+\? \(1\)"\nanchor: "q1"\ntranslationKey: "q1"\n---\n/);
		expect(en).toMatch(/\n1\. .+\n2\. /);
		expect(`${fr}${en}`).not.toContain("keywords");
	});

	it("configures both languages, French first, and marks only the answer for Pagefind", () => {
		const config = readFileSync(join(site, "hugo.toml"), "utf8");
		expect(config).toContain('defaultContentLanguage = "fr"');
		expect(config).toMatch(/\[languages\.fr\][^[]*weight = 1[\s\S]*\[languages\.en\][^[]*weight = 2/);
		const single = readFileSync(join(site, "layouts", "_default", "single.html"), "utf8");
		expect(single).toMatch(/<main data-pagefind-body><p data-pagefind-ignore>.*<\/p>\n<h1 .*\{\{ \.Content \}\}<\/main>/);
		expect(single).toContain('hreflang="{{ .Language.Lang }}"');
		expect(readFileSync(join(site, "layouts", "_default", "list.html"), "utf8")).not.toContain("data-pagefind-body");
	});

	it("refuses a question without a heading id, naming the file and line", () => {
		const page = join(dir, "bad", "fr", "faq.md");
		mkdirSync(join(dir, "bad", "fr"), { recursive: true });
		writeFileSync(page, "---\ntitle: FAQ\n---\n\n## Sans identifiant ?\n\nUne réponse.\n");
		expect(() => writeHugoSite([page], join(dir, "bad-site"))).toThrow(
			`${page}:5: the question "Sans identifiant ?" has no heading id ({#id}); the Hugo site pairs translations by it.`,
		);
	});
});
