/**
 * Two rules for the content API, whatever the roles and tokens say:
 *
 * - it needs a token: anonymous calls get 403 (readers never call the CMS; the site build has a token);
 * - it serves published content only: Strapi 5 lets any token with `find` read drafts with
 *   `?status=draft`, so any other status (and any publication filter) is refused, except for the
 *   "Aide preview" token, which the site service's draft preview uses. Editors see drafts in the
 *   admin, which does not go through the content API.
 *
 * This runs on the content API's own router (content-api-rules.ts), once that router has matched a
 * route: so it covers every spelling the router accepts (`/API/...`, trailing slashes, encoded
 * characters...), which no test of the path's text could promise. published-only.ts says the same
 * again where the document service reads, for anything that would reach it otherwise.
 */
import type { Core } from "@strapi/strapi";
import { PREVIEW_TOKEN_NAME } from "../bootstrap/api-tokens";

interface Context {
	query: Record<string, unknown>;
	get(header: string): string;
	status: number;
	body: unknown;
}

function refuse(ctx: Context, status: 400 | 403, message: string): void {
	ctx.status = status;
	ctx.body = { data: null, error: { status, name: status === 403 ? "ForbiddenError" : "ValidationError", message, details: {} } };
}

/** Whether the request's bearer token is the preview token (compared by its salted hash, as Strapi stores it). */
export async function isPreviewToken(strapi: Core.Strapi, authorization: string): Promise<boolean> {
	const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
	if (!key) return false;
	const tokens = strapi.service("admin::api-token-content-api") as unknown as { hash(accessKey: string): string };
	const token = (await strapi.db.query("admin::api-token").findOne({ where: { name: PREVIEW_TOKEN_NAME }, select: ["accessKey"] })) as {
		accessKey: string;
	} | null;
	return token !== null && token.accessKey === tokens.hash(key);
}

/**
 * The query parameter that asks for more than published content, if any. The document service reads
 * anything but `status` exactly "published" as drafts, and `publicationFilter` / `hasPublishedVersion`
 * tell which published entries have a pending draft.
 */
export function draftParameter(query: Record<string, unknown>): string | undefined {
	if (query.status !== undefined && query.status !== "published") return "status";
	return ["publicationFilter", "hasPublishedVersion"].find((name) => query[name] !== undefined);
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
	async (ctx: Context, next: () => Promise<void>) => {
		const authorization = ctx.get("authorization");
		if (!authorization) {
			refuse(ctx, 403, "The content API needs an API token. Readers use the site; builds use the site token.");
			return;
		}
		const asked = draftParameter(ctx.query);
		if (asked && !(await isPreviewToken(strapi, authorization))) {
			refuse(ctx, 400, `The content API serves published content only; remove the ${asked} parameter. Drafts are visible in the admin.`);
			return;
		}
		await next();
	};
