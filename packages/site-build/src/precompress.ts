// Precompressed copies of a build's text files: `<file>.br` (Brotli) and `<file>.gz` (gzip -9) next
// to each, written once at build time so that the public server sends them as they are instead of
// compressing every answer again (apps/portal's static-site.ts picks one by Accept-Encoding).
// Only text compresses: images are compressed already, and so are Pagefind's `.pf_*` and `.pagefind`
// files. A file under MIN_BYTES gains little, and a copy that is not smaller is not written.
// A file that is replaced later (the one-entry fast path, builds.ts) loses its copies there: an
// old compressed copy of a new page must never be served.
import { readdirSync, rmSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

/** The files worth compressing, by name. */
export const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|xml|svg|txt|webmanifest)$/;
/** Below this size a compressed copy saves less than a packet. */
export const MIN_BYTES = 1024;
/**
 * Brotli's quality: 11 (its best) for stylesheets and scripts, few and downloaded by every reader;
 * 5 for the rest (pages, the sitemap, data), many and each read far less. Measured on this 2-core
 * machine over 2,048 generated pages (9 MB of HTML): quality 11 took 32 s for 1.11 MB, 9 took 8.6 s
 * for 1.20 MB, 5 took 0.7 s for 1.21 MB; gzip -9 took 0.5 s for 1.40 MB. With this choice, `npm run
 * bench -- --entries 1000` spends about 3 s compressing (the build went from 13.9 s to 16.5 s, 1.5 s
 * of it the indexing of index-site.ts), and its first search downloads 108 KB instead of 143 KB.
 */
export const BROTLI_QUALITY = { script: 11, other: 5 } as const;
/** The suffix of each compressed copy, by its Content-Encoding: what the server reads back. */
export const COPY_SUFFIX = { br: ".br", gzip: ".gz" } as const;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The Brotli (of `quality`) and gzip copies of `content`, if both are worth writing (see above). */
export async function compressedCopies(content: Buffer, quality: number): Promise<{ br: Buffer; gzip: Buffer } | undefined> {
	if (content.length < MIN_BYTES) return undefined;
	const [br, gz] = await Promise.all([
		brotli(content, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: quality,
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_SIZE_HINT]: content.length,
				// A window no larger than the file: Brotli's default (4 MB) is allocated for each file, and a build compresses 30,000.
				[constants.BROTLI_PARAM_LGWIN]: Math.min(
					constants.BROTLI_MAX_WINDOW_BITS,
					Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(content.length))),
				),
			},
		}),
		gzipped(content, { level: 9 }),
	]);
	return br.length < content.length && gz.length < content.length ? { br, gzip: gz } : undefined;
}

/** Removes the compressed copies of `file` (synchronously: before anything can serve them). */
export function removeCopies(file: string): void {
	for (const suffix of Object.values(COPY_SUFFIX)) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Writes the compressed copies of `file`, replacing any it had (in a linked copy of a build they are
 * links to the live build's files: removed first, never written into). Says whether it wrote them.
 */
export async function precompressFile(file: string, content?: Buffer): Promise<boolean> {
	await Promise.all(Object.values(COPY_SUFFIX).map((suffix) => rm(`${file}${suffix}`, { force: true })));
	const quality = /\.(?:css|js|mjs)$/.test(file) ? BROTLI_QUALITY.script : BROTLI_QUALITY.other;
	const copies = await compressedCopies(content ?? (await readFile(file)), quality);
	if (!copies) return false;
	await Promise.all([writeFile(`${file}${COPY_SUFFIX.br}`, copies.br), writeFile(`${file}${COPY_SUFFIX.gzip}`, copies.gzip)]);
	return true;
}

/**
 * Compresses `files`, eight per core at a time: each file's read, compressions, removals and writes
 * are steps of their own in libuv's threads, and with one file per core those mostly waited on each
 * other. The 29,700 files of `npm run bench -- --entries 10000` took 29.5 s two at a time, 15.5 s
 * eight at a time, 14.2 s sixteen at a time, on this 2-core machine; only the files in flight are in memory.
 */
export async function precompressFiles(files: readonly string[]): Promise<number> {
	let next = 0;
	let written = 0;
	const worker = async () => {
		for (let file = files[next++]; file !== undefined; file = files[next++]) if (await precompressFile(file)) written++;
	};
	await Promise.all(Array.from({ length: Math.min(availableParallelism() * 8, files.length) }, worker));
	return written;
}

/** The compressible files of `siteDir` whose names (relative to it) pass `keep`. */
export function compressibleFiles(siteDir: string, keep: (name: string) => boolean = () => true): string[] {
	return readdirSync(siteDir, { recursive: true, encoding: "utf8" })
		.filter((name) => COMPRESSIBLE.test(name) && keep(name))
		.map((name) => join(siteDir, name));
}

/** Compresses every compressible file of the built site `siteDir`; says how many got copies, and how long it took. */
export async function precompressSite(siteDir: string): Promise<{ files: number; compressMs: number }> {
	const started = performance.now();
	const files = await precompressFiles(compressibleFiles(siteDir));
	return { files, compressMs: performance.now() - started };
}
