// The generated help center is what the import expects: pages that parse, pair and name their locale.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePage } from "@aide/faq-import";
import { afterAll, describe, expect, it } from "vitest";
import { generatePages } from "../src/generate.ts";

const dir = mkdtempSync(join(tmpdir(), "aide-bench-generate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("generatePages", () => {
	it("writes N French entries, translates all but one in twenty, about 100 per category", () => {
		const generated = generatePages(dir, 250);
		expect(generated).toMatchObject({ entriesPerLocale: 250, translated: 250 - 12, categories: 3 });
		expect(generated.files).toHaveLength(6);
		const pages = generated.files.map((file) => parsePage(file, readFileSync(file, "utf8")));
		const count = (locale: string) =>
			pages.filter((page) => page.locale === locale).reduce((total, page) => total + page.entries.length, 0);
		expect(count("fr")).toBe(250);
		expect(count("en")).toBe(238);
		expect(new Set(pages.map((page) => page.key)).size).toBe(3);
	});

	it("writes answers of help-center length, with keywords and heading ids, the same in both languages", () => {
		const [frFile] = generatePages(dir, 40).files;
		const en = readFileSync(join(dir, "en", "rubrique-1.md"), "utf8");
		const fr = readFileSync(frFile ?? "", "utf8");
		const firstAnswer = fr.split(/^## /m)[1] ?? "";
		expect(firstAnswer.split(/\s+/).length).toBeGreaterThan(60);
		expect(firstAnswer).toMatch(/\{#q1\}/);
		expect(firstAnswer).toContain("<!-- keywords: ");
		expect(en).toMatch(/^## .+\? \(1\) \{#q1\}$/m);
		expect(fr).toMatch(/^## .+ \(1\) \? \{#q1\}$/m);
	});

	it("is deterministic", () => {
		const a = readFileSync(generatePages(join(dir, "a"), 30).files[0] ?? "", "utf8");
		const b = readFileSync(generatePages(join(dir, "b"), 30).files[0] ?? "", "utf8");
		expect(a).toBe(b);
	});
});
