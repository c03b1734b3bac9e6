// Conditional requests (RFC 9110 §13): a browser that holds a file sends its ETag in If-None-Match
// (or its Last-Modified in If-Modified-Since) and gets 304 Not Modified, without the body, if the
// file is the same. Each form of a file has its own strong ETag, made from its own size and time of
// writing, and marked with its coding: the Brotli copy of a page and the page itself are different
// bytes, so they must never share a strong ETag (a cache could answer a Range request of one with
// the bytes of the other).
import type { Stats } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import type { Encoding } from "./accept-encoding.ts";

/** The strong ETag of a form of a file, from its stats. */
export function etagOf(stats: Pick<Stats, "size" | "mtimeMs">, encoding: Encoding): string {
	const base = `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}`;
	return `"${encoding === "identity" ? base : `${base}-${encoding}`}"`;
}

/** The entity tags of an If-None-Match header, without their weak marks (its comparison is weak); `*` alone is kept as such. */
function tagsOf(header: string): string[] {
	if (header.trim() === "*") return ["*"];
	return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).map((tag) => tag.replace(/^W\//, ""));
}

/**
 * Whether a GET or HEAD of the file with `etag`, written at `mtimeMs`, is answered 304: If-None-Match
 * names its ETag (or is `*`); or, without If-None-Match, If-Modified-Since is a date no earlier than
 * the file's (to the second, as Last-Modified says it). A malformed header is ignored.
 */
export function notModified(headers: IncomingHttpHeaders, etag: string, mtimeMs: number): boolean {
	const ifNoneMatch = headers["if-none-match"];
	if (ifNoneMatch !== undefined) {
		const tags = tagsOf(ifNoneMatch);
		return tags.includes("*") || tags.includes(etag);
	}
	const ifModifiedSince = headers["if-modified-since"];
	if (ifModifiedSince === undefined) return false;
	const since = Date.parse(ifModifiedSince);
	return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}
