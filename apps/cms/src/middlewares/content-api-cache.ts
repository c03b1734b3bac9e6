/**
 * A response cache for the content API's reads, so that a site build and readers of the API read
 * from memory what they read over and over. Keyed by the token and the URL, so a token only ever gets
 * back what it got itself; entries expire after a minute (so a token that expires stops reading soon
 * after), and everything is dropped on any change to content in the database, and after any write
 * request that authenticated (admin, import, API). A refused anonymous write drops nothing: anyone
 * could send one.
 *
 * Reads are cached only on the routes Strapi's router decided are the content API's (the cache sits
 * on that router, after the access rules of content-api-guard.ts: see content-api-rules.ts), so every
 * spelling of their paths is covered and nothing else is. Memory is bounded by response-store.ts.
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
import { editorialTypes } from "../bootstrap/editorial-types";
import { INSIGHTS_API } from "../insights/routes";
import { readSettings } from "../settings";
import { ResponseStore, type StoredResponse } from "./response-store";

interface Context {
	method: string;
	path: string;
	url: string;
	querystring: string;
	status: number;
	body: unknown;
	type: string;
	state: { isAuthenticated?: boolean; route?: { info?: { apiName?: string } } };
	get(header: string): string;
	set(header: string, value: string): void;
	vary(field: string): void;
	acceptsEncodings(...encodings: string[]): string | false;
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
function send(ctx: Context, { body, gzipped }: Pick<StoredResponse, "body" | "gzipped">): void {
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

/** One store per Strapi, shared by the read side (on the content API's router) and the write side (global). */
const stores = new WeakMap<Core.Strapi, ResponseStore | null>();
function storeOf(strapi: Core.Strapi): ResponseStore | null {
	if (!stores.has(strapi)) {
		const { apiCache } = readSettings();
		stores.set(strapi, apiCache.enabled ? new ResponseStore(apiCache) : null);
	}
	return stores.get(strapi) ?? null;
}

/** The global middleware (config/middlewares.ts): drops everything on content changes and after authenticated writes. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
	const store = storeOf(strapi);
	if (!store) return (_ctx: Context, next: () => Promise<void>) => next();
	const clear = () => store.clear();
	// The editorial types only: the insight aggregates are never served by the content API.
	const contentModels = [
		...editorialTypes(strapi),
		...Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith("plugin::upload") || uid.startsWith("plugin::i18n")),
	];
	strapi.db.lifecycles.subscribe({
		models: contentModels,
		afterCreate: clear,
		afterCreateMany: clear,
		afterUpdate: clear,
		afterUpdateMany: clear,
		afterDelete: clear,
		afterDeleteMany: clear,
	});

	return async (ctx: Context, next: () => Promise<void>) => {
		if (ctx.method === "GET" || ctx.method === "HEAD") return next();
		try {
			await next();
		} finally {
			// Once an authenticated write is over: a read during its transaction may have cached what it replaced.
			// Recording reader insights (many times a minute, from the portal) changes no content: the cache stays.
			if (ctx.state.isAuthenticated === true && ctx.state.route?.info?.apiName !== INSIGHTS_API) clear();
		}
	};
};

/** What the cache holds now, for `GET /aide/api-cache` (admins only): how full it is, keys included. */
export function cacheUsage(strapi: Core.Strapi) {
	const store = storeOf(strapi);
	return store
		? { enabled: true, entries: store.size, bytes: store.bytes, ...store.limits }
		: { enabled: false, entries: 0, bytes: 0, maxBytes: 0, maxEntries: 0 };
}

/** The read side, for the content API's router only (see content-api-rules.ts). */
export function contentApiCacheReader(strapi: Core.Strapi) {
	const store = storeOf(strapi);
	return async (ctx: Context, next: () => Promise<void>) => {
		if (!store || (ctx.method !== "GET" && ctx.method !== "HEAD")) return next();
		const key = `${ctx.get("authorization")} ${cacheUrl(ctx)}`;
		const hit = store.get(key);
		if (hit && Date.now() - hit.at < TTL_MS) {
			send(ctx, hit);
			ctx.set("x-aide-cache", "hit");
			return;
		}
		if (hit) store.delete(key);
		await next();
		if (ctx.status !== 200 || typeof ctx.body !== "object" || ctx.body === null || Buffer.isBuffer(ctx.body)) return;
		const body = Buffer.from(JSON.stringify(ctx.body));
		const entry = { body, gzipped: gzipSync(body), at: Date.now() };
		send(ctx, entry);
		store.set(key, entry);
	};
}
