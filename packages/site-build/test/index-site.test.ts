// What Pagefind is given of each page (index-site.ts's searchedCopy): the searched region alone must
// make the same index records as the whole page, on real Pagefind, for pages shaped as the site's
// entry pages are (apps/site's EntryArticle.astro), and a page without a region is given whole.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import { plainTypography, searchedCopy } from "../src/index.ts";

const work = mkdtempSync(join(tmpdir(), "aide-index-site-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An entry page as the site writes one: head, header, search box, breadcrumbs, the article and its searched region, related answers, footer. */
const entryPage = (lang: string, dir: string, question: string, answer: string) =>
	`<!DOCTYPE html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${question} · Aide</title><meta name="description" content="Ailleurs"><link rel="stylesheet" href="/_astro/site.css"></head>` +
	`<body><header><a href="/${lang}/">Aide</a><nav aria-label="Langue"><a href="/en/">English</a></nav></header>` +
	`<form role="search"><input type="search" name="q" placeholder="Rechercher"><select><option>Toutes les rubriques</option></select></form>` +
	`<main><nav class="breadcrumbs"><ol><li><a href="/${lang}/">Accueil</a></li><li aria-current="page">${question}</li></ol></nav>` +
	`<article data-document-id="abc"><div data-pagefind-body data-pagefind-filter="category:Compte et facturation"><h1 id="q1">${question}</h1>` +
	`<span hidden data-pagefind-weight="3">TVA, reçu</span><div class="answer" data-answer>${answer}</div></div>` +
	`<p class="notice" role="note">Cette réponse n’est pas traduite.</p><p class="meta">Mis à jour le 3 décembre</p></article>` +
	`<aside><h2>Questions liées</h2><ul><li><a href="/${lang}/faq/autre/">Une autre question ?</a></li></ul></aside></main>` +
	`<footer><p>Contact : support</p></footer></body></html>`;

/** The records (fragments) of the index Pagefind writes from `pages`, by URL. */
async function records(name: string, pages: Record<string, string>): Promise<Record<string, unknown>> {
	const outputPath = join(work, name);
	try {
		const { index } = await pagefind.createIndex({});
		if (!index) throw new Error("Pagefind did not start");
		for (const [url, content] of Object.entries(pages)) expect((await index.addHTMLFile({ url, content })).errors).toEqual([]);
		await index.writeFiles({ outputPath });
	} finally {
		await pagefind.close();
	}
	const folder = join(outputPath, "fragment");
	const all = readdirSync(folder).map((file) =>
		JSON.parse(
			gunzipSync(readFileSync(join(folder, file)))
				.toString("utf8")
				.replace(/^pagefind_dcd/, ""),
		),
	);
	return Object.fromEntries(all.map((record: { url: string }) => [record.url, record]));
}

describe("what Pagefind is given of a page", () => {
	const pages = {
		"/fr/faq/facture/": entryPage(
			"fr",
			"ltr",
			"Où trouver ma facture ?",
			'<p>Ouvrez l’espace <strong>Compte</strong>, puis « Factures ».</p><div><article><p>Un encadré dans la réponse.</p></article></div><h2 id="q1--detail">Détail</h2><p>Le reçu suit.</p>',
		),
		"/ar/faq/fatura/": entryPage("ar", "rtl", "أين أجد فاتورتي؟", "<p>افتح الحساب.</p>"),
	};

	it("is the searched region inside the page's own <html> tag, a fraction of the page", () => {
		const page = pages["/fr/faq/facture/"];
		const copy = searchedCopy(page);
		expect(copy.startsWith('<!DOCTYPE html><html lang="fr" dir="ltr"><body><div data-pagefind-body')).toBe(true);
		expect(copy).not.toContain("Toutes les rubriques");
		expect(copy).not.toContain("Questions liées");
		// The typography made plain, as for the whole page (index-typography.ts).
		expect(copy).toContain("Ouvrez l&#39;espace");
		expect(copy.length).toBeLessThan(page.length / 2);
	});

	it("makes the same index records as the whole page: text, title, anchors, filter, weights, language", async () => {
		const whole = await records("whole", Object.fromEntries(Object.entries(pages).map(([url, html]) => [url, plainTypography(html)])));
		const lean = await records("lean", Object.fromEntries(Object.entries(pages).map(([url, html]) => [url, searchedCopy(html)])));
		expect(Object.keys(whole).sort()).toEqual(Object.keys(pages).sort());
		expect(lean).toEqual(whole);
		expect(JSON.stringify(whole["/fr/faq/facture/"])).toContain("Un encadré dans la réponse");
	});

	it("is the whole page when the page has no searched region", () => {
		const home = entryPage("fr", "ltr", "Accueil", "<p>Bienvenue</p>").replace(" data-pagefind-body", "");
		expect(searchedCopy(home)).toBe(plainTypography(home));
	});
});
