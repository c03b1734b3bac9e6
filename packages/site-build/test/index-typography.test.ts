// French typography in what Pagefind indexes (index-typography.ts, index-site.ts): the characters
// made plain (the same as the site's search script makes plain in what readers type:
// apps/site/test pins them there), every spelling of them, and a real Pagefind index of a page
// written with them, whose file keeps the editor's typography.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { indexSite, NON_BREAKING_SPACES, pageUrl, plainTypography, TYPOGRAPHIC_APOSTROPHES } from "../src/index.ts";

const work = mkdtempSync(join(tmpdir(), "aide-typography-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("plainTypography", () => {
	it("makes plain exactly U+2019, U+2018, U+02BC (apostrophes) and U+00A0, U+202F (spaces)", () => {
		expect(TYPOGRAPHIC_APOSTROPHES).toEqual(["\u2019", "\u2018", "\u02BC"]);
		expect(NON_BREAKING_SPACES).toEqual(["\u00A0", "\u202F"]);
	});

	it("reads each raw, as a decimal or hexadecimal reference, or by name, and leaves the rest alone", () => {
		expect(plainTypography("d\u2019essai, l\u2018app, l\u02BCaide, d&rsquo;un, l&#8217;une, l&#x2019;autre, l&#X02019;été")).toBe(
			"d&#39;essai, l&#39;app, l&#39;aide, d&#39;un, l&#39;une, l&#39;autre, l&#39;été",
		);
		expect(plainTypography("Vraiment\u00A0? Oui\u202F! &nbsp;&#160;&#xA0;&#8239;&NonBreakingSpace;")).toBe(
			"Vraiment&#32;? Oui&#32;! &#32;&#32;&#32;&#32;&#32;",
		);
		const untouched = `<p title="l'aide">d'essai « guillemets » — 'quotes' "double" &amp; &#39; &lt;</p>`;
		expect(plainTypography(untouched)).toBe(untouched);
	});
});

describe("pageUrl", () => {
	it("names a page as Pagefind's addDirectory did", () => {
		expect(pageUrl("index.html")).toBe("/");
		expect(pageUrl(join("fr", "faq", "essai", "index.html"))).toBe("/fr/faq/essai/");
		expect(pageUrl("404.html")).toBe("/404.html");
		expect(pageUrl(join("fr", "not-index.html"))).toBe("/fr/not-index.html");
	});
});

describe("indexSite", () => {
	it("indexes a page's text with its typography made plain, and leaves its file as the editor wrote it", async () => {
		const site = join(work, "site");
		const html = `<!doctype html><html lang="fr"><head><title>Essai\u00A0?</title></head><body><main data-pagefind-body>
<h1 id="essai">Combien dure la période d\u2019essai\u00A0?</h1><p title="l\u2019aide">Trente jours, dans l&rsquo;application\u202F!</p>
</main></body></html>`;
		mkdirSync(join(site, "fr", "faq", "essai"), { recursive: true });
		writeFileSync(join(site, "fr", "faq", "essai", "index.html"), html);
		writeFileSync(join(site, "index.html"), `<!doctype html><html lang="fr"><body><p>Accueil</p></body></html>`);

		expect(await indexSite(site)).toBe(2);

		// Pagefind's fragment files: gzip, then "pagefind_dcd" and the page's record as JSON.
		const fragments = readdirSync(join(site, "pagefind", "fragment")).map(
			(name) =>
				JSON.parse(
					gunzipSync(readFileSync(join(site, "pagefind", "fragment", name)))
						.toString("utf8")
						.replace(/^pagefind_dcd/, ""),
				) as { url: string; content: string },
		);
		expect(fragments.map(({ url, content }) => ({ url, content }))).toEqual([
			{ url: "/fr/faq/essai/", content: "Combien dure la période d'essai ? Trente jours, dans l'application !" },
		]);
		expect(readFileSync(join(site, "fr", "faq", "essai", "index.html"), "utf8")).toBe(html);
	});

	it("names the file Pagefind could not index", async () => {
		const site = join(work, "empty");
		mkdirSync(site, { recursive: true });
		await expect(indexSite(site)).rejects.toThrow(`Pagefind found no page to index in ${site}.`);
	});
});
