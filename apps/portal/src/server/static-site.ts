// Serving a built site as a production host does: each file in the form the browser accepts best
// (its Brotli or gzip copy, written at build time, or the file itself: accept-encoding.ts), with
// how long it may be kept (cache-policy.ts), an ETag and 304 answers to conditional requests
// (conditional.ts), byte ranges (byte-range.ts), HEAD, the security headers a production host
// should send, and the locale's 404 page for unknown paths. Only the files listed when the build
// went live are served (site-files.ts).
//
// This replaced sirv, which served the site before: it picked Brotli for `br;q=0`, sent one weak
// ETag compared as a whole string (a list, or `*`, never matched), a 304 without ETag or
// Cache-Control, one Cache-Control for every file, applied Range to compressed bytes, and threw on
// some Range headers. What was left of it was the file listing, which site-files.ts does.
import { existsSync, readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { type Coding, chooseEncoding } from "./accept-encoding.ts";
import { settleRange } from "./byte-range.ts";
import { cacheControl, REVALIDATE } from "./cache-policy.ts";
import { etagOf, notModified } from "./conditional.ts";
import { contentType, showsAsDocument } from "./content-types.ts";
import { quoted } from "./guard.ts";
import { pathnameOf, type SiteFile, SiteFiles } from "./site-files.ts";

/** A strict Content-Security-Policy (Pagefind needs wasm-unsafe-eval) and friends. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	"Content-Security-Policy":
		"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy": "strict-origin-when-cross-origin",
	"X-Frame-Options": "DENY",
};

/**
 * The headers of SECURITY_HEADERS that only a document or a worker reads: left off the files a page
 * reads (see showsAsDocument), on which they would add 236 bytes to each of a search's half-KB
 * requests and protect nothing. `nosniff` goes with every file, so none can be taken for another kind.
 */
const DOCUMENT_HEADERS: readonly string[] = ["Content-Security-Policy", "X-Frame-Options", "Referrer-Policy"];

/** What a stream says when the client went away before or while it got the file: not the file's fault. */
const CLIENT_GONE = new Set(["ERR_STREAM_PREMATURE_CLOSE", "ERR_STREAM_DESTROYED", "ERR_STREAM_UNABLE_TO_PIPE"]);

export type Handler = (request: IncomingMessage, response: ServerResponse, next?: () => void) => void;

/**
 * Serves the files of the site at `dir` (or as listed already, see site-files.ts); a path it does not
 * hold gets `next()`, or the locale's 404 page without one. `log` hears of a file that could not be
 * read (removed under the server); that request is cut short.
 */
export function staticSite(
	site: string | SiteFiles,
	log: (message: string) => void = (message) => console.error(`aide: ${message}`),
): Handler {
	const files = typeof site === "string" ? SiteFiles.list(site) : site;
	const { dir } = files;
	return (request, response, next) => {
		const file = files.find(pathnameOf(request.url ?? "/"));
		if (!file) {
			if (next) return next();
			const locale = /^\/([a-z]{2})\//.exec(request.url ?? "")?.[1];
			const localePage = locale ? join(dir, locale, "404", "index.html") : undefined;
			const page = localePage && existsSync(localePage) ? localePage : join(dir, "404.html");
			// A page that is missing today may be published in a minute.
			response.writeHead(404, { "content-type": contentType("404.html"), "cache-control": REVALIDATE });
			response.end(existsSync(page) ? readFileSync(page) : "Not found");
			return;
		}
		send(file, request, response).catch((error: NodeJS.ErrnoException) => {
			if (!CLIENT_GONE.has(error.code ?? "")) log(`could not read the file for ${quoted(request.url)}: ${error.message}`);
			response.destroy();
		});
	};
}

/** Sends `file` in the form the request asks for, or 304, 206 or 416 (see the top of this file). */
async function send(file: SiteFile, request: IncomingMessage, response: ServerResponse): Promise<void> {
	const codings = Object.keys(file.copies) as Coding[];
	// A byte range is a range of the file itself (see byte-range.ts).
	const encoding = request.headers.range === undefined ? chooseEncoding(request.headers["accept-encoding"], codings) : "identity";
	const handle = await open(encoding === "identity" ? file.path : (file.copies[encoding] as string));
	let streaming = false;
	try {
		const stats = await handle.stat();
		const etag = etagOf(stats, encoding);
		const headers: OutgoingHttpHeaders = {
			"cache-control": cacheControl(file.name),
			etag,
			"last-modified": new Date(stats.mtimeMs).toUTCString(),
			// Caches must keep each form apart, and ask with the right Accept-Encoding.
			...(codings.length > 0 ? { vary: "Accept-Encoding" } : {}),
		};
		const type = contentType(file.name);
		if (!showsAsDocument(type)) for (const name of DOCUMENT_HEADERS) response.removeHeader(name);
		const reading = request.method === "GET" || request.method === "HEAD";
		if (reading && notModified(request.headers, etag, stats.mtimeMs)) {
			response.writeHead(304, headers).end();
			return;
		}
		const range = encoding === "identity" ? settleRange(request.headers, stats.size) : ({ kind: "whole" } as const);
		if (range.kind === "unsatisfiable") {
			response.writeHead(416, { ...headers, "content-range": `bytes */${stats.size}` }).end();
			return;
		}
		const [start, end] = range.kind === "part" ? [range.start, range.end] : [0, stats.size - 1];
		headers["content-type"] = type;
		if (encoding !== "identity") headers["content-encoding"] = encoding;
		// Ranges are served, of the file itself (see above).
		headers["accept-ranges"] = "bytes";
		if (range.kind === "part") headers["content-range"] = `bytes ${start}-${end}/${stats.size}`;
		headers["content-length"] = end - start + 1;
		response.writeHead(range.kind === "part" ? 206 : 200, headers);
		if (request.method === "HEAD" || stats.size === 0 || response.destroyed) {
			response.end();
			return;
		}
		streaming = true;
		// The stream closes the file when it ends or fails; pipeline ends it when the client goes away,
		// so a reader who leaves mid-file does not leave it open.
		await pipeline(handle.createReadStream({ start, end }), response);
	} finally {
		if (!streaming) await handle.close();
	}
}

/** Sets every header of `headers` on the response. */
export function setHeaders(response: ServerResponse, headers: Readonly<Record<string, string>>): void {
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
}
