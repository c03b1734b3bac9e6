// Builds the site from a snapshot the real CMS made (demo content plus a hostile page), then reads
// the built pages as a browser would get them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { loadSiteContent, writeSnapshot } from "@aide/cms-loader";
import { runImport } from "@aide/faq-import";
import { removeSite } from "@aide/site-build";
import { freePort, startCms, writeSyntheticSnapshot } from "@aide/testing";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const siteDir = fileURLToPath(new URL("../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-site-"));
const snapshot = join(work, "snapshot.json");
const out = join(work, "dist");

const HOSTILE = `---
title: Sécurité
---

## Que se passe-t-il avec du HTML dangereux ? {#hostile}

<script>alert("script")</script>
<img src="x" onerror="alert('img')">
<a href="&#106;avascript:alert('link')">lien</a>
[markdown](JAVASCRIPT:alert('md'))
<iframe srcdoc="<script>alert('frame')</script>"></iframe>
<svg onload="alert('svg')"></svg>
<meta http-equiv="refresh" content="0;url=javascript:alert('meta')">
<form action="javascript:alert('form')"><button>go</button></form>
<style>body{display:none}</style>
{alert("mdx")} <Component /> {{ template }}
`;

function build(env: Record<string, string>) {
	const { NODE_ENV: _test, ...inherited } = process.env;
	return spawnSync(process.execPath, ["scripts/build.ts"], {
		cwd: siteDir,
		encoding: "utf8",
		env: { ...inherited, AIDE_SITE_OUT_DIR: out, ...env },
	});
}

const page = (path: string, dir = out) => readFileSync(join(dir, path, path.endsWith(".html") ? "" : "index.html"), "utf8");
const files = (dir = out): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html"));

beforeAll(async () => {
	const cms = await startCms({ demo: true });
	try {
		writeFileSync(join(work, "hostile.fr.md"), HOSTILE);
		const imported = await runImport({ url: cms.url, token: cms.importToken() }, [join(work, "hostile.fr.md")], { publish: true });
		if (imported.errors.length > 0) throw new Error(imported.errors.join("\n"));
		writeSnapshot(snapshot, await loadSiteContent({ CMS_URL: cms.url, CMS_TOKEN: cms.siteToken() }));
	} finally {
		await cms.stop();
	}
	const result = build({ AIDE_SNAPSHOT: snapshot });
	if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}\n${result.stderr}`);
});
afterAll(() => {
	removeSite(out);
	rmSync(work, { recursive: true, force: true });
});

interface Entry {
	documentId: string;
	slug: string;
	question: string;
	anchor: string | null;
	order: number;
	category: { documentId: string } | null;
}
interface Category {
	documentId: string;
	slug: string;
	name: string;
	order: number;
}
const content = () =>
	JSON.parse(readFileSync(snapshot, "utf8")) as { locales: Record<string, { entries: Entry[]; categories: Category[] }> };
/** The search page's last segment in `locale`: the UI string that names it, read where translators write it. */
const searchSegment = (locale: string) =>
	(JSON.parse(readFileSync(join(siteDir, "src", "i18n", `${locale}.json`), "utf8")) as Record<string, string>)["search.segment"];

describe("the full FAQ page of each locale, /<locale>/faq/", () => {
	it("shows every question as an <h2> with its anchor, listed in the table of contents", () => {
		for (const [locale, { entries }] of Object.entries(content().locales)) {
			const html = page(`${locale}/faq`);
			expect(html).toContain(`<html lang="${locale}">`);
			for (const entry of entries) {
				expect(html, entry.question).toContain(`<h2 id="${entry.anchor}">`);
				expect(html, entry.question).toContain(`<a href="#${entry.anchor}">`);
			}
		}
	});
});

describe("the help-center home of each locale", () => {
	it("opens on a big search box, holds no answer, and sends old /<locale>/#<anchor> links to the FAQ page", () => {
		expect(page("fr")).toContain('<h1 id="aide_hero-title">Comment pouvons-nous vous aider ?</h1>');
		expect(page("en")).toContain('<h1 id="aide_hero-title">How can we help?</h1>');
		for (const locale of Object.keys(content().locales)) {
			const html = page(locale);
			// One search on the page, the hero's: the header has none here.
			expect(html.match(/<search /g), locale).toEqual(["<search "]);
			expect(html, locale).toContain('<search class="search search--hero"');
			expect(html, locale).not.toContain('class="question"');
			expect(html, locale).toContain(`<script src="/home-hash.js" data-faq="/${locale}/faq/" defer></script>`);
			expect(html, locale).toMatch(new RegExp(`<p class="faq-link">\\s*<a href="/${locale}/faq/">`));
		}
	});

	it("shows each category as a card: its name linked, its number of answers, its first three questions by order", () => {
		for (const [locale, { entries, categories }] of Object.entries(content().locales)) {
			const cards = page(locale).split('<li class="card">').slice(1);
			const filled = categories.filter((category) => entries.some((entry) => entry.category?.documentId === category.documentId));
			expect(cards, locale).toHaveLength(filled.length);
			for (const category of filled) {
				const card = cards.find((html) => html.includes(`<a href="/${locale}/category/${category.slug}/">${category.name}</a>`));
				expect(card, `${locale} ${category.name}`).toBeDefined();
				const own = entries.filter((entry) => entry.category?.documentId === category.documentId);
				expect(card).toContain(`<p class="meta">${own.length} question${own.length > 1 ? "s" : ""}</p>`);
				const shown = own.filter((entry) => card?.includes(`<a href="/${locale}/faq/${entry.slug}/">`));
				expect(shown, `${locale} ${category.name}`).toHaveLength(Math.min(3, own.length));
				const hidden = own.filter((entry) => !shown.includes(entry));
				for (const entry of shown) for (const other of hidden) expect(entry.order, entry.slug).toBeLessThanOrEqual(other.order);
			}
		}
	});

	it("lists the most useful answers: the six first by the editors' order", () => {
		const { entries } = content().locales.en ?? { entries: [] };
		const popular = page("en").split('<ul class="popular">')[1]?.split("</ul>")[0] ?? "";
		const shown = entries.filter((entry) => popular.includes(`<a href="/en/faq/${entry.slug}/">`));
		expect(shown).toHaveLength(Math.min(6, entries.length));
		for (const entry of shown)
			for (const other of entries.filter((e) => !shown.includes(e))) expect(entry.order).toBeLessThanOrEqual(other.order);
	});
});

describe("the search page of each locale", () => {
	it("is at /<locale>/<its segment>/, the segment named in the locale's strings, and without JavaScript points to the FAQ page", () => {
		expect([searchSegment("fr"), searchSegment("en")]).toEqual(["recherche", "search"]);
		for (const locale of Object.keys(content().locales)) {
			const path = `/${locale}/${searchSegment(locale)}/`;
			const html = page(path);
			expect(html, path).toContain('<search class="search search--page" data-mode="page"');
			expect(html.match(/<search /g), path).toHaveLength(1);
			expect(html, path).toMatch(new RegExp(`<p class="notice" data-search-needs-js>[^<]+<a href="/${locale}/faq/">`));
		}
		expect(page("/fr/recherche/")).toContain("La recherche a besoin de JavaScript");
		expect(page("/en/search/")).toContain("Search needs JavaScript");
	});

	it("is where every search box's form goes without JavaScript, with the query as ?q=", () => {
		for (const path of ["/fr/", "/fr/faq/", "/fr/faq/ou-sont-situes-vos-serveurs/", "/fr/recherche/"]) {
			const html = page(path);
			expect(html, path).toContain('<form action="/fr/recherche/" method="get">');
			expect(html, path).toMatch(/<input id="aide_search-input" name="q" type="search"/);
		}
		expect(page("/en/category/account-and-billing/")).toContain('<form action="/en/search/" method="get">');
	});
});

describe("the header and the footer", () => {
	it("hold the brand, search and the language switcher in the header, and the site's pages in the footer", () => {
		const html = page("/en/faq/how-do-i-change-my-password/");
		const header = html.split('<header class="site-header">')[1]?.split("</header>")[0] ?? "";
		expect(header).toContain('<a class="brand" href="/en/">');
		expect(header).toContain('<search class="search search--header"');
		expect(header).toContain('<nav class="switcher"');
		// The category filter is inside the results panel, not a second control in the header.
		expect(header).toMatch(/<div class="search-panel" hidden>\s*<div class="search-filter">\s*<label for="aide_search-category">/);
		const footer = html.split('<footer class="site-footer">')[1]?.split("</footer>")[0] ?? "";
		for (const href of ["/en/", "/en/faq/", "/en/about/"]) expect(footer).toContain(`<a href="${href}"`);
	});
});

describe("entry pages", () => {
	it("exist in each locale of each entry, with reciprocal hreflang alternates and x-default", () => {
		const { locales } = content();
		const pathOf = new Map<string, Map<string, string>>();
		for (const [locale, { entries }] of Object.entries(locales)) {
			for (const entry of entries) {
				const path = `/${locale}/faq/${entry.slug}/`;
				expect(existsSync(join(out, path, "index.html")), path).toBe(true);
				pathOf.set(entry.documentId, (pathOf.get(entry.documentId) ?? new Map()).set(locale, path));
			}
		}
		for (const cluster of pathOf.values()) {
			for (const [, path] of cluster) {
				const html = page(path);
				for (const [other, otherPath] of cluster)
					expect(html, `${path} -> ${other}`).toContain(`hreflang="${other}" href="http://127.0.0.1:4321${otherPath}"`);
				expect(html).toContain(`hreflang="x-default" href="http://127.0.0.1:4321${cluster.get("fr") ?? [...cluster.values()][0]}"`);
			}
		}
	});

	it("switch language to the same entry", () => {
		const html = page("/en/faq/where-are-your-servers-located/");
		expect(html).toMatch(/<nav class="switcher"[^>]*>.*<a href="\/fr\/faq\/ou-sont-situes-vos-serveurs\/" hreflang="fr" lang="fr"/s);
		expect(html).toContain("Our infrastructure is located in Roubaix, France.");
	});

	it("say when a translation is missing, offer that language's home, and never put French under lang=en", () => {
		const fr = page("/fr/faq/comment-exporter-mes-donnees-au-format-csv/");
		expect(fr).toContain('data-missing-translation="en"');
		expect(fr).toContain("existe pas encore en anglais.");
		expect(fr).toMatch(/<a href="\/en\/" hreflang="en" lang="en" data-lang-choice="en" data-missing-translation>/);
		expect(files().filter((file) => file.startsWith("en/") && file.includes("exporter"))).toEqual([]);
		for (const file of files().filter((name) => name.startsWith("en/"))) {
			expect(readFileSync(join(out, file), "utf8"), file).not.toContain("Comment exporter mes données");
		}
	});

	it("weigh under 25 KB gzipped, HTML and CSS together, and ship no script but language choice, search and copy", () => {
		const html = page("/en/faq/how-do-i-change-my-password/");
		expect([...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])).toEqual([
			'<script src="/lang-choice.js" defer>',
			'<script src="/search.js" defer>',
			'<script src="/share.js" defer>',
		]);
		const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) =>
			readFileSync(join(out, match[1] as string), "utf8"),
		);
		// The site's stylesheet only: the demo content sets no main colour, so no /theme.css either.
		expect(css).toHaveLength(1);
		expect(gzipSync(html + css.join("")).length).toBeLessThan(25 * 1024);
	});
});

describe("the search box's category filter", () => {
	it("is not in the pages: each locale's categories are one JSON file, in the editors' order, that the box names", () => {
		for (const [locale, { categories }] of Object.entries(content().locales)) {
			const url = `/${locale}/search-categories.json`;
			const names = [...categories].sort((a, b) => a.order - b.order).map((category) => category.name);
			expect(names.length, locale).toBeGreaterThan(1);
			expect(JSON.parse(readFileSync(join(out, url), "utf8")), url).toEqual(names);
			for (const file of files().filter((name) => name.startsWith(`${locale}/`))) {
				const html = readFileSync(join(out, file), "utf8");
				if (!html.includes("<search ")) continue;
				expect(html, file).toContain(`data-categories="${url}"`);
				// "All categories" only: the rest comes from the file when the panel shows the filter.
				expect(html.match(/<option\b/g), file).toHaveLength(1);
			}
		}
	});
});

describe("the search index", () => {
	it("has one index per language, built from the entry pages only", () => {
		const entry = JSON.parse(readFileSync(join(out, "pagefind", "pagefind-entry.json"), "utf8")) as {
			languages: Record<string, { page_count: number }>;
		};
		// Entry pages: /<locale>/faq/<slug>/, not the full FAQ page /<locale>/faq/ itself.
		const answers = (locale: string) =>
			files().filter((file) => file.startsWith(`${locale}/faq/`) && file !== `${locale}/faq/index.html`).length;
		expect(Object.keys(entry.languages).sort()).toEqual(["en", "fr"]);
		expect(entry.languages.fr?.page_count).toBe(answers("fr"));
		expect(entry.languages.en?.page_count).toBe(answers("en"));
	});

	it("holds an answer's question, keywords and answer, and none of the page around them", () => {
		// Each fragment file is gzip of "pagefind_dcd" and the page's JSON.
		const fragments = readdirSync(join(out, "pagefind", "fragment")).map(
			(name) =>
				JSON.parse(
					gunzipSync(readFileSync(join(out, "pagefind", "fragment", name)))
						.subarray(12)
						.toString("utf8"),
				) as {
					url: string;
					content: string;
				},
		);
		const password = fragments.find((fragment) => fragment.url === "/en/faq/how-do-i-change-my-password/");
		expect(password?.content).toMatch(/^How do I change my password\? .*passphrase/);
		const chrome = [
			"Skip to content",
			"Breadcrumb",
			"Home",
			"All categories",
			"Category",
			"Updated on",
			"Copy link",
			"Was this answer helpful",
		];
		for (const fragment of fragments) for (const text of chrome) expect(fragment.content, `${fragment.url}: ${text}`).not.toContain(text);
	});
});

describe("the whole built site", () => {
	const pathOf = (file: string) => `/${file.replace(/index\.html$/, "")}`;
	const fileOf = (path: string) => {
		const clean = decodeURIComponent(path.split("#")[0] ?? "/");
		return join(out, clean.endsWith("/") ? `${clean}index.html` : clean);
	};
	const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));

	it("is valid HTML, page by page", async () => {
		const validator = new HtmlValidate();
		const problems: string[] = [];
		for (const file of files()) {
			const report = await validator.validateFile(join(out, file));
			for (const result of report.results)
				for (const message of result.messages) problems.push(`${file}:${message.line}: ${message.ruleId} ${message.message}`);
		}
		expect(problems).toEqual([]);
	});

	it("has no broken internal link or #anchor", () => {
		const broken: string[] = [];
		for (const file of files()) {
			const html = readFileSync(join(out, file), "utf8");
			for (const [, href] of html.matchAll(/\shref="([^"]+)"/g)) {
				if (!href || /^(https?:|mailto:|tel:)/.test(href)) continue;
				const [path, anchor] = href.startsWith("#") ? [pathOf(file), href.slice(1)] : href.split("#");
				const target = fileOf(path ?? "/");
				if (!existsSync(target)) {
					broken.push(`${file}: ${href} (no such page)`);
					continue;
				}
				if (anchor && target.endsWith(".html") && !ids(readFileSync(target, "utf8")).has(decodeURIComponent(anchor)))
					broken.push(`${file}: ${href} (no such anchor)`);
			}
		}
		expect(broken).toEqual([]);
	});

	it("has complete, reciprocal hreflang clusters on every page", () => {
		const clusterOf = (html: string): Record<string, string> =>
			Object.fromEntries(
				[...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((match) => [
					match[1],
					new URL(match[2] as string).pathname,
				]),
			);
		for (const file of files()) {
			const cluster = clusterOf(readFileSync(join(out, file), "utf8"));
			const { "x-default": fallback, ...languages } = cluster;
			if (Object.keys(languages).length === 0) continue;
			// A page is one of its own languages, or (the language chooser at /) the x-default itself.
			expect([...Object.values(languages), fallback], file).toContain(pathOf(file));
			expect(fallback, `${file} x-default`).toBeDefined();
			for (const path of Object.values(languages)) {
				const { "x-default": _ignored, ...other } = clusterOf(readFileSync(fileOf(path), "utf8"));
				expect(other, `${file} -> ${path}`).toEqual(languages);
			}
		}
	});
});

describe("sitemap and robots.txt", () => {
	it("list every page with its translations as alternates", () => {
		const sitemap = readFileSync(join(out, "sitemap.xml"), "utf8");
		expect(sitemap).toContain(
			'<url><loc>http://127.0.0.1:4321/en/faq/where-are-your-servers-located/</loc><xhtml:link rel="alternate" hreflang="fr" href="http://127.0.0.1:4321/fr/faq/ou-sont-situes-vos-serveurs/"/><xhtml:link rel="alternate" hreflang="en" href="http://127.0.0.1:4321/en/faq/where-are-your-servers-located/"/></url>',
		);
		const pages = files().filter((file) => /^(fr|en)\/(faq|category|recherche|search)\//.test(file));
		expect(pages).toEqual(expect.arrayContaining(["fr/faq/index.html", "fr/recherche/index.html", "en/search/index.html"]));
		for (const file of pages) expect(sitemap, file).toContain(`<loc>http://127.0.0.1:4321/${file.replace(/index\.html$/, "")}</loc>`);
		expect(readFileSync(join(out, "robots.txt"), "utf8")).toContain("Sitemap: http://127.0.0.1:4321/sitemap.xml");
	});
});

describe("hostile content from the CMS", () => {
	it("leaves nothing executable anywhere in the built site", () => {
		const hostile = page("/fr/faq/que-se-passe-t-il-avec-du-html-dangereux/");
		expect(hostile).toContain("lien");
		expect(hostile).toContain("{{ template }}");
		for (const file of files()) {
			const html = readFileSync(join(out, file), "utf8");
			const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]);
			expect(
				scripts.every((tag) => /src="\/(lang-choice|lang-redirect|search|share|home-hash)\.js"/.test(tag)),
				file,
			).toBe(true);
			expect(html, file).not.toMatch(/<(iframe|svg|object|embed|math|base)\b|http-equiv/i);
			// The one form a page may hold is its search box's, which leads to the locale's search page.
			const locale = file.split("/")[0] ?? "";
			expect(
				[...html.matchAll(/<form\b[^>]*>/gi)].map((match) => match[0]),
				file,
			).toEqual(html.includes("<search ") ? [`<form action="/${locale}/${searchSegment(locale)}/" method="get">`] : []);
			expect(html, file).not.toMatch(/\s(href|src|action|formaction|srcdoc|data)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
			expect(html, file).not.toMatch(/<[a-z]+[^>]*\son[a-z]+\s*=/i);
			expect(html, file).not.toMatch(/<Component\b/);
		}
	});
});

describe("a build that fails", () => {
	it("names the CMS host and leaves the previous site untouched", async () => {
		const before = files().map((file) => [file, readFileSync(join(out, file), "utf8")]);
		const port = await freePort();
		const result = build({ AIDE_SNAPSHOT: "", CMS_URL: `http://127.0.0.1:${port}`, CMS_TOKEN: "any" });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			`aide: the site was not built, and the live site (${out}) was left as it was. Cannot read the CMS at 127.0.0.1:${port}`,
		);
		expect(files().map((file) => [file, readFileSync(join(out, file), "utf8")])).toEqual(before);
	});
});

describe("a large help center", () => {
	const large = join(work, "large");
	afterAll(() => removeSite(large));

	it("gets a light home and FAQ page: each category's first questions and a link to all of them, no answers", async () => {
		// 250 entries per locale in two categories, built from a snapshot like the CMS's.
		const largeSnapshot = join(work, "large.json");
		writeSyntheticSnapshot(largeSnapshot, 250);
		const result = build({ AIDE_SNAPSHOT: largeSnapshot, AIDE_SITE_OUT_DIR: large });
		expect(result.status, result.stderr).toBe(0);

		const home = page("en", large);
		expect(home).not.toContain('class="question"');
		// Two cards of three questions, and six popular answers.
		expect(home.match(/href="\/en\/faq\/[^"]/g)).toHaveLength(12);
		expect(home).toContain('<a href="/en/category/en-rubrique-0/">All 125 questions in Section 0</a>');
		const faq = page("en/faq", large);
		expect(faq).not.toContain('class="question"');
		expect(faq.match(/href="\/en\/faq\/[^"]/g)).toHaveLength(10);
		expect(faq).toContain('<a href="/en/category/en-rubrique-0/">All 125 questions in Section 0</a>');
		expect(page("fr/faq", large)).toContain("Les 125 questions de « Rubrique 1 »");
		const category = page("/en/category/en-rubrique-1/", large);
		expect(category.match(/class="question"/g)).toHaveLength(125);
		expect(category).toContain("<strong>249</strong>");
		for (const html of [home, faq]) {
			const report = await new HtmlValidate().validateString(html);
			expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}: ${m.ruleId} ${m.message}`))).toEqual([]);
		}
	});
});
