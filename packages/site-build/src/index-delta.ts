// Search for the answers the one-entry fast path changed, before the full rebuild re-indexes 20,000
// pages: a small Pagefind index of the pages it replaced since the last full build, written into the
// build at /pagefind-delta/, which the search box merges into the main one (Pagefind's mergeIndex).
// The main index still holds those pages as they were: /pagefind-delta/delta.json names them by their
// Pagefind id (the hash of their fragment in the main index), and the box drops them from the results.
// It also names the languages the small index has, since Pagefind merges its largest language into a
// page of a language it lacks. A full build writes an empty delta.json, so the box always finds one.
//
// Each fast path works in a linked copy of the live build (builds.ts): the pages earlier fast paths
// replaced since the full build are carried in the build folder's search-delta.json, and re-indexed
// with the new ones, so the small index always holds every page the main one has stale.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import * as pagefind from "pagefind";
import { z } from "zod";
import { DELTA_FILE, DELTA_FOLDER, INDEX_FOLDER, IndexError, pageUrl, type SearchDelta, searchedCopy } from "./index-site.ts";
import { compressibleFiles, precompressFiles } from "./precompress.ts";

/** What the build folder keeps of the fast paths since the full build (not served). */
const RECORD_FILE = "search-delta.json";

const recordSchema = z.object({
	/** The replaced pages, by their file name in the site (`en/faq/x/index.html`). */
	pages: z.array(z.string()),
	/** The pages whose answer moved elsewhere (a new slug): their main index's results are stale, and the small index leaves them out. */
	moved: z.array(z.string()).default([]),
	/** Each page's id in the main index, by its URL; null for a page the main index does not have. */
	mainIds: z.record(z.string(), z.string().nullable()),
});
type DeltaRecord = z.infer<typeof recordSchema>;

const unzip = promisify(gunzip);
/** What Pagefind puts before the JSON of each file it compresses. */
const PAGEFIND_PREFIX = "pagefind_dcd";

/** Fragment files read at once: the reads and their gunzips overlap in libuv's threads. */
const FRAGMENTS_IN_FLIGHT = 32;

/** The pages of one fragment file of Pagefind's: a file holds one page (named by its id), or a group of them by id. */
async function fragmentPages(folder: string, name: string): Promise<Array<{ id: string; url: string }>> {
	const text = (await unzip(await readFile(join(folder, name)))).toString("utf8");
	const data = JSON.parse(text.startsWith(PAGEFIND_PREFIX) ? text.slice(PAGEFIND_PREFIX.length) : text) as Record<string, unknown>;
	if (typeof data.url === "string") return [{ id: name.slice(0, -".pf_fragment".length), url: data.url }];
	return Object.entries(data).flatMap(([id, fragment]) => {
		const url = (fragment as { url?: unknown } | null)?.url;
		return typeof url === "string" ? [{ id, url }] : [];
	});
}

/** The ids the index in `indexDir` gives the pages at `urls`, read until all are found; null for one it lacks. */
export async function idsOf(indexDir: string, urls: readonly string[]): Promise<Record<string, string | null>> {
	const found: Record<string, string | null> = Object.fromEntries(urls.map((url) => [url, null]));
	let left = urls.length;
	const folder = join(indexDir, "fragment");
	if (left === 0 || !existsSync(folder)) return found;
	const names = readdirSync(folder).filter((name) => name.endsWith(".pf_fragment"));
	for (let at = 0; at < names.length && left > 0; at += FRAGMENTS_IN_FLIGHT) {
		const batch = await Promise.all(names.slice(at, at + FRAGMENTS_IN_FLIGHT).map((name) => fragmentPages(folder, name)));
		for (const { id, url } of batch.flat()) {
			if (found[url] === null) {
				found[url] = id;
				left--;
			}
		}
	}
	return found;
}

/**
 * The main index's ids of the pages `names` as the site `previousSite` holds them (the live site the
 * copy was made from: for a page no fast path has replaced yet, the full build's, which the main index
 * holds). Pagefind names a page by the hash of its record, so indexing the same page alone gives the
 * same id; each is confirmed in the main index (a page whose short hash collided there has a longer
 * one), and one that is not is searched for among all of its fragments (seconds at 20,000 pages). A
 * page the previous site does not have, or without a data-pagefind-body region, is in no index.
 */
async function mainIdsOf(mainIndex: string, previousSite: string, names: readonly string[], scratch: string) {
	const found: Record<string, string | null> = {};
	const candidates: Array<{ url: string; content: string }> = [];
	for (const name of names) {
		const file = join(previousSite, name);
		const html = existsSync(file) ? readFileSync(file, "utf8") : "";
		if (html.includes("data-pagefind-body")) candidates.push({ url: pageUrl(name), content: searchedCopy(html) });
		else found[pageUrl(name)] = null;
	}
	if (candidates.length === 0) return found;
	const { index, errors } = await pagefind.createIndex({});
	if (!index || errors.length > 0) throw new IndexError(`Pagefind could not start: ${errors.join("; ")}`);
	for (const candidate of candidates) {
		const added = await index.addHTMLFile(candidate);
		if (added.errors.length > 0)
			throw new IndexError(`Pagefind could not index the page at ${candidate.url} of ${previousSite}: ${added.errors.join("; ")}`);
	}
	const written = await index.writeFiles({ outputPath: scratch });
	if (written.errors.length > 0) throw new IndexError(`Pagefind could not write ${scratch}: ${written.errors.join("; ")}`);
	const alone = await idsOf(
		scratch,
		candidates.map(({ url }) => url),
	);
	rmSync(scratch, { recursive: true, force: true });
	const unconfirmed: string[] = [];
	for (const { url } of candidates) {
		const id = alone[url];
		const name = `${id}.pf_fragment`;
		const there = id && existsSync(join(mainIndex, "fragment", name)) ? await fragmentPages(join(mainIndex, "fragment"), name) : [];
		if (id && there.some((page) => page.id === id && page.url === url)) found[url] = id;
		else unconfirmed.push(url);
	}
	return { ...found, ...(await idsOf(mainIndex, unconfirmed)) };
}

function readRecord(buildDir: string): DeltaRecord {
	const file = join(buildDir, RECORD_FILE);
	if (!existsSync(file)) return { pages: [], moved: [], mainIds: {} };
	const read = recordSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
	if (!read.success) throw new IndexError(`${file} is not what the fast path writes: ${z.prettifyError(read.error)}`);
	return read.data;
}

/**
 * Indexes, in the build folder `buildDir` (a linked copy of the live build), the pages `replaced`
 * (names in its site, such as `en/faq/x/index.html`) with those replaced since the full build, into
 * its /pagefind-delta/, and writes delta.json, which also hides the pages `moved` (an answer's page
 * at its old slug) from the main index's results. Returns delta.json's content.
 */
export async function indexDelta(
	buildDir: string,
	previousSite: string,
	replaced: readonly string[],
	movedNow: readonly string[] = [],
): Promise<SearchDelta> {
	const siteDir = join(buildDir, "client");
	const record = readRecord(buildDir);
	const moved = [...new Set([...record.moved.filter((name) => !replaced.includes(name)), ...movedNow])];
	const pages = [...new Set([...record.pages, ...replaced])].filter((name) => !moved.includes(name));
	const urls = [...pages, ...moved].map(pageUrl);
	const outputPath = join(siteDir, DELTA_FOLDER);
	// Files linked to the live build's: removed, never written into.
	rmSync(outputPath, { recursive: true, force: true });
	let mainIds: Record<string, string | null>;
	try {
		// The main index is the full build's, hard-linked into every copy: each page's id there is found once.
		const unknown = [...pages, ...moved].filter((name) => !(pageUrl(name) in record.mainIds));
		mainIds = {
			...record.mainIds,
			...(await mainIdsOf(join(siteDir, INDEX_FOLDER), previousSite, unknown, join(buildDir, "search-delta-scratch"))),
		};
		const { index, errors } = await pagefind.createIndex({});
		if (!index || errors.length > 0) throw new IndexError(`Pagefind could not start: ${errors.join("; ")}`);
		for (const name of pages) {
			const content = searchedCopy(await readFile(join(siteDir, name), "utf8"));
			const added = await index.addHTMLFile({ url: pageUrl(name), content });
			if (added.errors.length > 0) throw new IndexError(`Pagefind could not index ${join(siteDir, name)}: ${added.errors.join("; ")}`);
		}
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) throw new IndexError(`Pagefind could not write the small index: ${written.errors.join("; ")}`);
	} finally {
		await pagefind.close();
	}
	const entry = JSON.parse(readFileSync(join(outputPath, "pagefind-entry.json"), "utf8")) as { languages: Record<string, unknown> };
	// A page whose text did not change has the same id in both indexes: the box shows it once.
	const newIds = await idsOf(outputPath, pages.map(pageUrl));
	const deltaIds = new Set(Object.values(newIds));
	const stale = urls.flatMap((url) => {
		const id = mainIds[url];
		return id && !deltaIds.has(id) ? [{ url, id }] : [];
	});
	const delta: SearchDelta = {
		languages: Object.keys(entry.languages).sort(),
		hide: stale.map(({ id }) => id),
		replace: Object.fromEntries(stale.flatMap(({ url, id }) => (newIds[url] ? [[id, newIds[url]]] : []))),
	};
	writeFileSync(join(outputPath, DELTA_FILE), JSON.stringify(delta));
	await precompressFiles(compressibleFiles(outputPath));
	const recordFile = join(buildDir, RECORD_FILE);
	rmSync(recordFile, { force: true });
	writeFileSync(recordFile, JSON.stringify({ pages, moved, mainIds } satisfies DeltaRecord));
	return delta;
}
