/**
 * A response cache for the content API's reads (`GET /api/*`), so that a site build and readers of
 * the API read from memory what they read over and over. Keyed by the token and the URL, so a token
 * only ever gets back what it got itself; entries expire after a minute (so a token that expires
 * stops reading soon after), and everything is dropped on any write: any request that is not a read
 * (admin, import, API), and any change to content in the database.
 *
 * Bodies are kept as bytes and, gzipped once, as the bytes most clients ask for (a site build's
 * fetch accepts gzip): a 250-entry page is about 500 KB of JSON and 40 KB gzipped, and moving those
 * bytes, not the database, is what bounds a cached read.
 *
 * On by default with SQLite, where the CMS is one process. Off by default with PostgreSQL, where
 * several processes may share the database and one could not know of another's writes
 * (AIDE_API_CACHE overrides).
 */
import { gzipSync } from "node:zlib";
import type { Core } from "@strapi/strapi";
import { readSettings } from "../settings";

interface Context {
	method: string;
	path: string;
	url: string;
	querystring: string;
	status: number;
	body: unknown;
	type: string;
	get(header: string): string;
	set(header: string, value: string): void;
	vary(field: string): void;
	acceptsEncodings(...encodings: string[]): string | false;
}

interface Cached {
	/** Encoded once: a hit writes the bytes as they are. */
	body: Buffer;
	gzipped: Buffer;
	at: number;
}

/**
 * The request's URL with its query in one spelling (decoded, re-encoded, keys sorted; repeated keys
 * keep their order): `?locale=fr&sort=order:asc` and `?sort=order%3Aasc&locale=fr` are one read.
 */
function cacheUrl(ctx: Pick<Context, "path" | "querystring">): string {
	const query = new URLSearchParams(ctx.querystring);
	query.sort();
	return `${ctx.path}?${query}`;
}

/** Answers with the cached bytes, gzipped when the client accepts it. */
function send(ctx: Context, { body, gzipped }: Pick<Cached, "body" | "gzipped">): void {
	ctx.status = 200;
	ctx.type = "application/json";
	ctx.vary("Accept-Encoding");
	if (ctx.acceptsEncodings("gzip", "identity") === "gzip") {
		ctx.set("Content-Encoding", "gzip");
		ctx.body = gzipped;
	} else {
		ctx.body = body;
	}
}

const TTL_MS = 60_000;
const sizeOf = (entry: Cached) => entry.body.length + entry.gzipped.length;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
	const { apiCache } = readSettings();
	if (!apiCache.enabled) return (_ctx: Context, next: () => Promise<void>) => next();

	const cache = new Map<string, Cached>();
	let bytes = 0;
	const clear = () => {
		cache.clear();
		bytes = 0;
	};
	const clearOnWrite = {
		afterCreate: clear,
		afterCreateMany: clear,
		afterUpdate: clear,
		afterUpdateMany: clear,
		afterDelete: clear,
		afterDeleteMany: clear,
	};
	const contentModels = Object.keys(strapi.contentTypes).filter(
		(uid) => uid.startsWith("api::") || uid.startsWith("plugin::upload") || uid.startsWith("plugin::i18n"),
	);
	strapi.db.lifecycles.subscribe({ models: contentModels, ...clearOnWrite });

	return async (ctx: Context, next: () => Promise<void>) => {
		if (ctx.method !== "GET" && ctx.method !== "HEAD") {
			clear();
			try {
				await next();
			} finally {
				// Again once the write is over: a read during its transaction may have cached what it replaced.
				clear();
			}
			return;
		}
		if (!ctx.path.startsWith("/api/")) return next();

		const key = `${ctx.get("authorization")} ${cacheUrl(ctx)}`;
		const hit = cache.get(key);
		if (hit && Date.now() - hit.at < TTL_MS) {
			send(ctx, hit);
			ctx.set("x-aide-cache", "hit");
			return;
		}
		if (hit) {
			cache.delete(key);
			bytes -= sizeOf(hit);
		}
		await next();
		if (ctx.status !== 200 || typeof ctx.body !== "object" || ctx.body === null || Buffer.isBuffer(ctx.body)) return;
		const body = Buffer.from(JSON.stringify(ctx.body));
		const entry = { body, gzipped: gzipSync(body), at: Date.now() };
		send(ctx, entry);
		if (sizeOf(entry) > apiCache.maxBytes / 10) return;
		cache.set(key, entry);
		bytes += sizeOf(entry);
		// Oldest first: Map keeps insertion order.
		for (const [oldest, cached] of cache) {
			if (bytes <= apiCache.maxBytes) break;
			cache.delete(oldest);
			bytes -= sizeOf(cached);
		}
	};
};
