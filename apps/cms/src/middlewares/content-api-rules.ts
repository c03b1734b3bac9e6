/**
 * Puts the CMS's access rules where Strapi decides what a request is, from `register()` (before any
 * route exists, so that they run first):
 *
 * - on the content API's router: the guard, then the response cache. The router runs them only once it
 *   has matched one of its routes, whatever spelling of the path matched it;
 * - on the document service: published content only for the content API, and the field patterns.
 *
 * It also adds `GET /aide/api-cache` for admins: how full the response cache is, in entries and bytes.
 */
import type { Core } from "@strapi/strapi";
import { cacheUsage, contentApiCacheReader } from "./content-api-cache";
import contentApiGuard from "./content-api-guard";
import { type Components, patternFields } from "./pattern-fields";
import { publishedOnly } from "./published-only";

type Handler = Parameters<ReturnType<Core.Strapi["server"]["api"]>["use"]>[0];
type DocumentMiddleware = Parameters<Core.Strapi["documents"]["use"]>[0];

export function registerContentRules(strapi: Core.Strapi): void {
	strapi.server
		.api("content-api")
		.use(contentApiGuard(undefined, { strapi }) as unknown as Handler)
		.use(contentApiCacheReader(strapi) as unknown as Handler);
	strapi.documents.use(publishedOnly(strapi) as unknown as DocumentMiddleware);
	strapi.documents.use(patternFields(() => strapi.components as unknown as Components) as unknown as DocumentMiddleware);
	registerCacheUsageRoute(strapi);
}

/** Registers `GET /aide/api-cache`: the response cache's usage, for any signed-in admin. */
export function registerCacheUsageRoute(strapi: Core.Strapi): void {
	strapi.server.routes({
		type: "admin",
		prefix: "/aide",
		routes: [
			{
				method: "GET",
				path: "/api-cache",
				handler: (ctx: { body: unknown }) => {
					ctx.body = cacheUsage(strapi);
				},
				config: { policies: ["admin::isAuthenticatedAdmin"] },
			},
		],
	} as never);
}
