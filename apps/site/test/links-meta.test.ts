// What a pasted link and a search engine see of the site: a meta description, Open Graph and Twitter
// meta and a favicon on every page; x-default the same on every page of a cluster; languages named
// in the page's language; and each answer's permalink page (/q/<id>/). A build of a small snapshot
// shaped for it: an answer without a summary and a long answer, one with a summary, one without an
// anchor and without an English version, a category without a description.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { removeSite } from "@aide/site-build";
import { writeSyntheticSnapshot } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const siteDir = fileURLToPath(new URL("../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-site-links-"));
const snapshot = join(work, "snapshot.json");
const out = join(work, "dist");
const SITE = "http://127.0.0.1:4321";

const LONG_ANSWER = `Ouvrez **Réglages**, puis *Compte*. ${"Choisissez ensuite la ligne qui vous concerne et suivez les étapes. ".repeat(5)}`;

interface SnapshotEntry {
	documentId: string;
	answer: string;
	summary: string | null;
	anchor: string | null;
}
interface Snapshot {
	locales: Record<string, { entries: SnapshotEntry[]; categories: Array<{ documentId: string; description: string | null }> }>;
}

beforeAll(() => {
	writeSyntheticSnapshot(snapshot, 3);
	const content = JSON.parse(readFileSync(snapshot, "utf8")) as Snapshot;
	for (const [locale, { entries, categories }] of Object.entries(content.locales)) {
		for (const entry of entries) {
			if (entry.documentId === "doc0") entry.answer = LONG_ANSWER;
			if (entry.documentId === "doc1") entry.summary = locale === "fr" ? "Le résumé écrit par l'équipe." : "The team's summary.";
			if (entry.documentId === "doc2") entry.anchor = null;
		}
		content.locales[locale] = {
			categories: categories.map((category) =>
				category.documentId === "cat0" ? { ...category, description: "Tout sur votre compte." } : category,
			),
			// doc2 exists in French only.
			entries: entries.filter((entry) => locale === "fr" || entry.documentId !== "doc2"),
		};
	}
	writeFileSync(snapshot, JSON.stringify(content));
	const { NODE_ENV: _test, ...inherited } = process.env;
	const result = spawnSync(process.execPath, ["scripts/build.ts"], {
		cwd: siteDir,
		encoding: "utf8",
		env: { ...inherited, AIDE_SNAPSHOT: snapshot, AIDE_SITE_OUT_DIR: out },
	});
	if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}\n${result.stderr}`);
});
afterAll(() => {
	removeSite(out);
	rmSync(work, { recursive: true, force: true });
});

const page = (path: string) => readFileSync(join(out, path, path.endsWith(".html") ? "" : "index.html"), "utf8");
const htmlFiles = () => readdirSync(out, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html"));
/** The content of `<meta name|property="key">` tags, in order. */
const meta = (html: string, key: string) =>
	[...html.matchAll(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`, "g"))].map((match) => match[1]);
const decode = (text: string | undefined) => text?.replaceAll("&#39;", "'").replaceAll("&amp;", "&").replaceAll("&quot;", '"');

describe("every page", () => {
	it("has a meta description, Open Graph and Twitter meta, and the favicon", () => {
		const files = htmlFiles();
		expect(files.length).toBeGreaterThan(15);
		for (const file of files) {
			const html = readFileSync(join(out, file), "utf8");
			expect(meta(html, "description"), file).toHaveLength(1);
			expect(meta(html, "description")[0]?.trim(), file).not.toBe("");
			for (const key of ["og:title", "og:description", "og:url", "og:type", "og:site_name", "og:locale"])
				expect(meta(html, key), `${file} ${key}`).toHaveLength(1);
			expect(meta(html, "og:description"), file).toEqual(meta(html, "description"));
			expect(meta(html, "og:url")[0], file).toMatch(/^http:\/\/127\.0\.0\.1:4321\//);
			expect(meta(html, "twitter:card"), file).toEqual(["summary"]);
			expect(html, file).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
		}
		for (const icon of ["favicon.svg", "favicon.ico", "apple-touch-icon.png"]) expect(existsSync(join(out, icon)), icon).toBe(true);
	});

	it("is described by what it holds", () => {
		// An answer without a summary: the start of its answer, cut on a word.
		const described = decode(meta(page("/fr/faq/fr-question-0/"), "description")[0]) ?? "";
		expect(described.length).toBeLessThanOrEqual(155);
		expect(described).toMatch(/^Ouvrez Réglages, puis Compte\. Choisissez ensuite .*[a-zé]…$/);
		// An answer with one: its summary; the home, 404 and categories without a description of their own.
		expect(decode(meta(page("/fr/faq/fr-question-1/"), "description")[0])).toBe("Le résumé écrit par l'équipe.");
		expect(decode(meta(page("/en/"), "description")[0])).toBe(
			"The support team's answers to your questions: search for a question or browse the categories.",
		);
		expect(decode(meta(page("/fr/404/"), "description")[0])).toBe("Cette page n'existe pas ou a été déplacée.");
		expect(decode(meta(page("/fr/category/fr-rubrique-0/"), "description")[0])).toBe("Tout sur votre compte.");
		expect(decode(meta(page("/en/category/en-rubrique-1/"), "description")[0])).toBe("Section 1: Question en 1 ?");
	});

	it("tells link previews its title, type, URL and languages", () => {
		const entry = page("/en/faq/en-question-1/");
		expect(meta(entry, "og:title")).toEqual(["Question en 1 ?"]);
		expect(meta(entry, "og:type")).toEqual(["article"]);
		expect(meta(entry, "og:url")).toEqual([`${SITE}/en/faq/en-question-1/`]);
		expect(meta(entry, "og:site_name")).toEqual(["Aide"]);
		expect(meta(entry, "og:locale")).toEqual(["en_US"]);
		expect(meta(entry, "og:locale:alternate")).toEqual(["fr_FR"]);
		expect(meta(page("/fr/faq/fr-question-2/"), "og:locale:alternate")).toEqual([]);
		expect(meta(page("/fr/"), "og:type")).toEqual(["website"]);
	});
});

describe("x-default", () => {
	const xDefault = (html: string) => /<link rel="alternate" hreflang="x-default" href="([^"]+)"/.exec(html)?.[1];

	it("is the language chooser / on / and on every locale home", () => {
		for (const path of ["/", "/fr/", "/en/"]) expect(xDefault(page(path)), path).toBe(`${SITE}/`);
	});

	it("is the default locale's version on the other pages", () => {
		expect(xDefault(page("/en/faq/en-question-1/"))).toBe(`${SITE}/fr/faq/fr-question-1/`);
		expect(xDefault(page("/en/404/"))).toBe(`${SITE}/fr/404/`);
	});
});

describe("language names", () => {
	it("are in the page's language in running text, and each language's own in the switcher", () => {
		const fr = decode(page("/fr/faq/fr-question-2/")) ?? "";
		expect(fr).toContain("Cette réponse n'existe pas encore en anglais.");
		expect(fr).toContain("Résultats en anglais");
		expect(fr).toMatch(/<a href="\/en\/" hreflang="en" lang="en"[^>]*>English/);
		expect(page("/en/faq/en-question-1/")).toContain("Results in French");
	});
});

describe("permalinks", () => {
	it("exist for each answer, under its anchor, else its documentId", () => {
		expect(readdirSync(join(out, "q")).sort()).toEqual(["doc2", "q0", "q1"]);
	});

	it("list the answer in each language, are not indexed, and name the default locale's answer canonical", () => {
		const html = page("/q/q1/");
		expect(html).toContain('<html lang="fr">');
		expect(html).toContain('<meta name="robots" content="noindex">');
		expect(html).toContain(`<link rel="canonical" href="${SITE}/fr/faq/fr-question-1/">`);
		expect(html).not.toContain('hreflang="x-default"');
		expect(html).toContain('<a href="/fr/faq/fr-question-1/" hreflang="fr" data-lang-choice="fr" data-lang-default>Question 1 ?</a>');
		expect(html).toContain('<a href="/en/faq/en-question-1/" hreflang="en" data-lang-choice="en">Question en 1 ?</a>');
		expect(html).toContain('<script src="/lang-redirect.js" defer></script>');
		expect(meta(html, "og:title")).toEqual(["Question 1 ?"]);
		expect(meta(html, "og:url")).toEqual([`${SITE}/fr/faq/fr-question-1/`]);
		expect(page("/q/doc2/")).toContain('<a href="/fr/faq/fr-question-2/" hreflang="fr" data-lang-choice="fr" data-lang-default>');
	});

	it("are what an answer's Copy link copies, in every locale", () => {
		for (const path of ["/fr/faq/fr-question-1/", "/en/faq/en-question-1/"])
			expect(page(path), path).toContain(`data-permalink="${SITE}/q/q1/"`);
		expect(page("/fr/faq/fr-question-2/")).toContain(`data-permalink="${SITE}/q/doc2/"`);
	});

	it("give answers Copy link and Copy answer, hidden until /share.js shows them", () => {
		const html = page("/fr/faq/fr-question-1/");
		expect(html).toMatch(/<div class="share" role="group" aria-label="Partager cette réponse" hidden data-share /);
		expect(html).toContain('<button type="button" data-copy="link">Copier le lien</button>');
		expect(html).toContain('<button type="button" data-copy="answer">Copier la réponse</button>');
		expect(html).toContain('data-link-copied="Lien copié"');
		expect(html).toContain('<script src="/share.js" defer></script>');
	});
});
