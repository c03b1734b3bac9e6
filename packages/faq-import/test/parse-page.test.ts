import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { identify, parsePage, readPage } from "../src/index.ts";
import { errorOf } from "./support/error-of.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe("readPage on the seed", () => {
	const page = readPage(fixture("seed.fr.md"));

	it("finds its six questions, in order, in French, under its title", () => {
		expect(page.locale).toBe("fr");
		expect(page.category).toBe("Foire Aux Questions");
		expect(page.entries.map((entry) => entry.question)).toEqual([
			"Comment puis-je trouver de l'aide ?",
			"Où sont situés vos serveurs ?",
			"Combien de temps restera disponible mon Cozy ?",
			"Quel est votre modèle économique ?",
			"Est-ce que mes données sont à l'abri ?",
			"Combien de données puis-je stocker sur mon serveur ?",
		]);
		expect(page.entries.map((entry) => entry.line)).toEqual([9, 18, 23, 28, 34, 40]);
	});

	it("keeps each answer as written, without the page's indentation", () => {
		expect(page.entries[1]?.answer).toBe("Notre infrastructure est située en France à Roubaix.");
		const help = page.entries[0]?.answer ?? "";
		expect(help.split("\n")).toHaveLength(5);
		expect(help).toContain("- poser vos questions sur notre forum [forum.cozy.io](https://forum.cozy.io/) pour profiter");
		expect(help.endsWith("- écrire à : support@cozycloud.cc")).toBe(true);
		const source = readFileSync(fixture("seed.fr.md"), "utf8");
		for (const entry of page.entries) for (const line of entry.answer.split("\n")) expect(source).toContain(line);
	});
});

describe("parsePage", () => {
	it("keeps code blocks, sub-headings and inline Markdown, and reads heading ids and front matter", () => {
		const page = readPage(fixture("tricky.en.md"));
		expect(page).toMatchObject({ locale: "en", category: "Developers", weight: 3, description: "Questions about the API." });
		expect(page.entries.map((entry) => [entry.question, entry.anchor])).toEqual([
			["How do I call the API?", "call-api"],
			["Is there a **rate limit**?", undefined],
			["How do I reset my password?", "reset"],
		]);
		expect(page.entries[2]).toMatchObject({
			keywords: "forgot password, pasword, lost login",
			answer: "Use the *Forgot password* link on the sign-in page.",
		});
		expect(page.entries[0]?.keywords).toBeUndefined();
		expect(page.entries[0]?.answer).toContain(
			"## this is a shell comment, not a question\ncurl https://api.example.org/\n```\n\n### Authentication",
		);
	});

	it("tells the locale from --locale, the file name, the folder, or else French", () => {
		expect(identify("docs/faq.en.md")).toEqual({ locale: "en", key: "docs/faq" });
		expect(identify("docs/en/faq.md")).toEqual({ locale: "en", key: "docs/faq" });
		expect(identify("docs/faq.md")).toEqual({ locale: "fr", key: "docs/faq" });
		expect(identify("docs/faq.md", "en").locale).toBe("en");
	});

	it("refuses an unknown locale, saying where it came from", () => {
		expect(errorOf(() => identify("docs/faq.de.md"))).toBe(
			'docs/faq.de.md: the locale "de" (from its name) is not one of this help center\'s locales (fr, en). Rename the file, or declare the locale in packages/locales/locales.json.',
		);
		expect(errorOf(() => parsePage("de/faq.md", "## Q\n\nA"))).toContain('the locale "de" (from its folder)');
	});
});

describe("bad pages are refused with file and line", () => {
	it("invalid front-matter YAML", () => {
		expect(errorOf(() => readPage(fixture("bad/broken-yaml.md")))).toMatch(
			/bad\/broken-yaml\.md:\d+: the front matter is not valid YAML \(.+\)\. Fix it, or remove the front matter\.$/,
		);
	});

	it("a heading with no answer", () => {
		expect(errorOf(() => readPage(fixture("bad/no-answer.md")))).toMatch(
			/bad\/no-answer\.md:9: the question "Question sans réponse \?" has no answer below it\. Write the answer, or remove the heading\.$/,
		);
	});

	it("the same question twice", () => {
		expect(errorOf(() => readPage(fixture("bad/twice.md")))).toMatch(
			/bad\/twice\.md:13: the question "où sont {2}vos serveurs \?" is already asked at line 5\. Merge the two answers, or reword one question\.$/,
		);
	});

	it("the same heading id twice", () => {
		expect(errorOf(() => parsePage("faq.md", "## A {#x}\n\none\n\n## B {#x}\n\ntwo\n"))).toBe(
			"faq.md:5: the heading id {#x} is already used at line 1. Heading ids must be unique.",
		);
	});

	it("a file that cannot be read", () => {
		expect(errorOf(() => readPage(fixture("missing.md")))).toMatch(/missing\.md: cannot be read \(ENOENT\)\. Check the path/);
	});
});
