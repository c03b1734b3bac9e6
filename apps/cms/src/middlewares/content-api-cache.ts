/**
 * A response cache for the content API's reads (`GET /api/*`), so that a site build and readers of
 * the API read from memory what they read over and over. Keyed by the token and the URL, so a token
 * only ever gets back what it got itself; entries expire after a minute (so a token that expires
 * stops reading soon after), and everything is dropped on any write: any request that is not a read
 * (admin, import, API), and any change to content in the database.
 *
 * On by default with SQLite, where the CMS is one process. Off by default with PostgreSQL, where
 * several processes may share the database and one could not know of another's writes
 * (AIDE_API_CACHE overrides).
 */
import type { Core } from "@strapi/strapi";
import { readSettings } from "../settings";

interface Context {
	method: string;
	path: string;
	url: string;
	status: number;
	body: unknown;
	type: string;
	get(header: string): string;
	set(header: string, value: string): void;
}

interface Cached {
	/** Encoded once: a hit writes the bytes as they are. */
	body: Buffer;
	at: number;
}

const TTL_MS = 60_000;

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

		const key = `${ctx.get("authorization")} ${ctx.url}`;
		const hit = cache.get(key);
		if (hit && Date.now() - hit.at < TTL_MS) {
			ctx.status = 200;
			ctx.type = "application/json";
			ctx.body = hit.body;
			ctx.set("x-aide-cache", "hit");
			return;
		}
		if (hit) {
			cache.delete(key);
			bytes -= hit.body.length;
		}
		await next();
		if (ctx.status !== 200 || typeof ctx.body !== "object" || ctx.body === null || Buffer.isBuffer(ctx.body)) return;
		const body = Buffer.from(JSON.stringify(ctx.body));
		ctx.type = "application/json";
		ctx.body = body;
		if (body.length > apiCache.maxBytes / 10) return;
		cache.set(key, { body, at: Date.now() });
		bytes += body.length;
		// Oldest first: Map keeps insertion order.
		for (const [oldest, entry] of cache) {
			if (bytes <= apiCache.maxBytes) break;
			cache.delete(oldest);
			bytes -= entry.body.length;
		}
	};
};
