// Indexes a built site with Pagefind: one index per <html lang>, written into <site>/pagefind.
// Only regions marked data-pagefind-body are indexed: each entry's own page (its question, answer
// and hidden keywords, apps/site/src/components/EntryArticle.astro); the home and category pages,
// which list the same questions, have none, so a search finds an entry once, on its page.
// Pagefind is given each page's text with French typography made plain (index-typography.ts), so
// that `essai` finds `d’essai`; the files themselves are not changed. Reading each page here and
// handing it over costs more than Pagefind's own addDirectory: `npm run bench -- --entries 1000`
// indexed in 3.7 s, against 2.2 s. While Pagefind indexes, the site's text files get their
// precompressed copies (precompress.ts); the index's own files once it is written.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, sep } from "node:path";
import * as pagefind from "pagefind";
import { removeBuild } from "./builds.ts";
import { plainTypography } from "./index-typography.ts";
import { compressibleFiles, precompressFiles } from "./precompress.ts";

/** Thrown when Pagefind cannot index the site; the build then fails and the previous site stays. */
export class IndexError extends Error {
	override name = "IndexError";
}

/** Where Pagefind writes its index, in the site. */
export const INDEX_FOLDER = "pagefind";

/** The small index of the pages the one-entry fast path replaced since the full build (index-delta.ts), in the site. */
export const DELTA_FOLDER = "pagefind-delta";
/** What the search box reads first, in {@link DELTA_FOLDER}. */
export const DELTA_FILE = "delta.json";

/**
 * delta.json: the languages of the small index; the main index's ids of the pages it replaces or that
 * moved (stale, not to be shown); and, for each replaced page, its id in the small index, which the
 * search box shows where the main index ranked the stale one (the small index's own scores, from a
 * handful of pages, rank its results below the main index's).
 */
export interface SearchDelta {
	languages: string[];
	hide: string[];
	replace: Record<string, string>;
}

/** Writes the empty delta.json of a full build: nothing to merge, nothing stale. */
function writeEmptyDelta(siteDir: string): void {
	mkdirSync(join(siteDir, DELTA_FOLDER), { recursive: true });
	writeFileSync(join(siteDir, DELTA_FOLDER, DELTA_FILE), JSON.stringify({ languages: [], hide: [], replace: {} } satisfies SearchDelta));
}

/** Where the searched region of a page starts, as the site's entry pages write it (apps/site's EntryArticle.astro). */
const BODY_START = "<div data-pagefind-body";
/** What closes the entry's article, after its searched region: the page's last one. */
const ARTICLE_END = "</article>";

/**
 * What Pagefind is given of the page `html`: its searched region alone (from the data-pagefind-body
 * element to the end of the entry's article) inside the page's own <html> tag, which carries its
 * language and direction, with French typography made plain (index-typography.ts). Pagefind reads
 * nothing else of a page that has such a region, and an entry page is about five times its region
 * (the head, the header, the search box, the related answers, the footer): this is the same index
 * from a fifth of the bytes to send and parse. A page without a region is given whole.
 */
export function searchedCopy(html: string): string {
	const start = html.indexOf(BODY_START);
	const end = html.lastIndexOf(ARTICLE_END);
	const open = /<html\b[^>]*>/i.exec(html);
	const lean =
		start === -1 || end < start || !open || open.index > start
			? html
			: `<!DOCTYPE html>${open[0]}<body>${html.slice(start, end)}</body></html>`;
	return plainTypography(lean);
}

/** Pages read and handed to Pagefind at once: enough to keep its process busy while the next are read. */
const PAGES_IN_FLIGHT = 16;

/** The URL Pagefind gives the page at `name` (relative to the site): `en/faq/x/index.html` is `/en/faq/x/`, as with addDirectory. */
export function pageUrl(name: string): string {
	return `/${name.split(sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1");
}

/** Indexes `siteDir` and returns how many pages went in. */
export async function indexSite(siteDir: string): Promise<number> {
	const outputPath = join(siteDir, INDEX_FOLDER);
	rmSync(outputPath, { recursive: true, force: true });
	try {
		const { index, errors } = await pagefind.createIndex({});
		if (!index || errors.length > 0) throw new IndexError(`Pagefind could not start: ${errors.join("; ")}`);
		const pages = readdirSync(siteDir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html"));
		if (pages.length === 0) throw new IndexError(`Pagefind found no page to index in ${siteDir}.`);
		let next = 0;
		const addPages = async () => {
			for (let name = pages[next++]; name !== undefined; name = pages[next++]) {
				const content = searchedCopy(await readFile(join(siteDir, name), "utf8"));
				const added = await index.addHTMLFile({ url: pageUrl(name), content });
				if (added.errors.length > 0) throw new IndexError(`Pagefind could not index ${join(siteDir, name)}: ${added.errors.join("; ")}`);
			}
		};
		await Promise.all(Array.from({ length: PAGES_IN_FLIGHT }, addPages));
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) throw new IndexError(`Pagefind could not write its index: ${written.errors.join("; ")}`);
		return pages.length;
	} finally {
		await pagefind.close();
	}
}

/** Whether `name` (relative to the site) is in Pagefind's output folder. */
const inIndexFolder = (name: string) => name === INDEX_FOLDER || name.startsWith(`${INDEX_FOLDER}${sep}`);

/**
 * Indexes a rendered build (see build-site.ts) for search and writes the compressed copies of its text
 * files; removes the build when either fails. The site's own files are compressed while Pagefind
 * indexes them (zlib works in libuv's threads, and Pagefind leaves part of the two cores idle), the
 * index's files once Pagefind has written them. `compressMs` runs from the first copy to the last.
 */
export async function indexBuild(buildDir: string): Promise<{ pages: number; indexMs: number; compressMs: number }> {
	const siteDir = join(buildDir, "client");
	const compressStarted = performance.now();
	const compressing = precompressFiles(compressibleFiles(siteDir, (name) => !inIndexFolder(name)));
	// Awaited below, after the index: a failure meanwhile must not count as unhandled.
	compressing.catch(() => undefined);
	try {
		const started = performance.now();
		const pages = await indexSite(siteDir);
		const indexMs = performance.now() - started;
		// No page of this build is stale in its index (see index-delta.ts).
		writeEmptyDelta(siteDir);
		await compressing;
		await precompressFiles(compressibleFiles(join(siteDir, INDEX_FOLDER)));
		return { pages, indexMs, compressMs: performance.now() - compressStarted };
	} catch (error) {
		// Nothing may still write into the build once it is removed.
		await compressing.catch(() => undefined);
		removeBuild(buildDir);
		throw error;
	}
}
