// The compressed copies a build's text files get (precompress.ts), and what happens to them when
// the one-entry fast path replaces a page in a linked copy of the live build (builds.ts).
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { COPY_SUFFIX, MIN_BYTES, precompressFiles, precompressSite, replaceFile } from "../src/index.ts";

const work = mkdtempSync(join(tmpdir(), "aide-precompress-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const text = (words: number) => Array.from({ length: words }, (_, n) => `mot${n % 50} période d’essai`).join(" ");
const page = (body: string) => `<!doctype html><html lang="fr"><body><main><p>${body}</p></main></body></html>`;

/** The copies of `file`, uncompressed; undefined for one that is not there. */
function copiesOf(file: string): { br?: string; gzip?: string } {
	const read = (suffix: string, decompress: (data: Buffer) => Buffer) =>
		existsSync(`${file}${suffix}`) ? decompress(readFileSync(`${file}${suffix}`)).toString("utf8") : undefined;
	const br = read(COPY_SUFFIX.br, brotliDecompressSync);
	const gzip = read(COPY_SUFFIX.gzip, gunzipSync);
	return { ...(br === undefined ? {} : { br }), ...(gzip === undefined ? {} : { gzip }) };
}

describe("precompressSite", () => {
	it("writes a Brotli and a gzip copy of each text file of 1 KB or more, and of nothing else", async () => {
		const site = join(work, "site");
		const files: Record<string, string | Buffer> = {
			"index.html": page(text(200)),
			"fr/faq/essai/index.html": page(text(300)),
			"small.html": page("court"),
			"_astro/site.Ab12Cd.css": `body { color: black; } ${".a { margin: 0 } ".repeat(200)}`,
			"_astro/page.Ef34Gh.js": `export const words = ${JSON.stringify(text(200))};`,
			"sitemap.xml": `<urlset>${"<url><loc>https://aide.example/fr/</loc></url>".repeat(60)}</urlset>`,
			"pagefind/pagefind-entry.json": JSON.stringify({
				languages: Object.fromEntries(Array.from({ length: 80 }, (_, n) => [`l${n}`, { hash: `h${n}` }])),
			}),
			"site.webmanifest": JSON.stringify({ name: text(100) }),
			"favicon.svg": `<svg xmlns="http://www.w3.org/2000/svg">${'<circle r="1"/>'.repeat(100)}</svg>`,
			"robots.txt": `User-agent: *\n${"Disallow: /internal/\n".repeat(60)}`,
			// Compressed already, or not text: left alone whatever their size.
			"pagefind/fragment/fr_abc1234.pf_fragment": text(300),
			"pagefind/wasm.fr.pagefind": text(300),
			"media/screenshot.1a2b3c.png": randomBytes(4096),
			// A file that does not compress: no copy is better than a larger one.
			"_astro/random.Zz99.js": randomBytes(4096),
		};
		for (const [name, content] of Object.entries(files)) {
			mkdirSync(join(site, name, ".."), { recursive: true });
			writeFileSync(join(site, name), content);
		}
		const compressed = ["index.html", "fr/faq/essai/index.html", "_astro/site.Ab12Cd.css", "_astro/page.Ef34Gh.js", "sitemap.xml"];
		compressed.push("pagefind/pagefind-entry.json", "site.webmanifest", "favicon.svg", "robots.txt");

		const { files: written } = await precompressSite(site);

		expect(written).toBe(compressed.length);
		for (const [name, content] of Object.entries(files)) {
			const expected = compressed.includes(name) ? { br: content.toString(), gzip: content.toString() } : {};
			expect(copiesOf(join(site, name)), name).toEqual(expected);
		}
		expect(Buffer.byteLength(page("court"))).toBeLessThan(MIN_BYTES);
		// Compressed is smaller, and Brotli smaller than gzip on a page.
		const size = (name: string) => readFileSync(join(site, name)).length;
		expect(size("fr/faq/essai/index.html.br")).toBeLessThan(size("fr/faq/essai/index.html.gz"));
		expect(size("fr/faq/essai/index.html.gz")).toBeLessThan(size("fr/faq/essai/index.html") / 4);
	});
});

describe("a page replaced in a linked copy of the live build", () => {
	it("loses its stale compressed copies at once, gets new ones, and the live build's files do not change", async () => {
		const live = join(work, "live");
		const copy = join(work, "copy");
		const oldPage = page(`ancienne réponse ${text(200)}`);
		const newPage = page(`nouvelle réponse ${text(200)}`);
		mkdirSync(join(live, "fr"), { recursive: true });
		writeFileSync(join(live, "fr", "index.html"), oldPage);
		await precompressSite(live);
		// What linkedCopyOfLive does: every file, copies included, a hard link to the live one.
		mkdirSync(join(copy, "fr"), { recursive: true });
		for (const name of ["index.html", "index.html.br", "index.html.gz"]) linkSync(join(live, "fr", name), join(copy, "fr", name));

		const file = replaceFile(copy, ["fr", "index.html"], newPage);

		expect(file).toBe(join(copy, "fr", "index.html"));
		expect(copiesOf(file)).toEqual({});
		expect(await precompressFiles([file])).toBe(1);
		expect(copiesOf(file)).toEqual({ br: newPage, gzip: newPage });
		expect(readFileSync(join(live, "fr", "index.html"), "utf8")).toBe(oldPage);
		expect(copiesOf(join(live, "fr", "index.html"))).toEqual({ br: oldPage, gzip: oldPage });
	});
});
