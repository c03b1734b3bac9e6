/**
 * Two rules for the content API (`/api/*`), whatever the roles and tokens say:
 *
 * - it needs a token: anonymous calls get 403 (readers never call the CMS; the site build has a token);
 * - it serves published content only: Strapi 5 lets any token with `find` read drafts with
 *   `?status=draft`, so any other status is refused, except for the "Aide preview" token, which
 *   the site service's draft preview uses. Editors see drafts in the admin, which does not go
 *   through `/api`.
 */
import type { Core } from "@strapi/strapi";
import { PREVIEW_TOKEN_NAME } from "../bootstrap/api-tokens";

interface Context {
	path: string;
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
async function isPreviewToken(strapi: Core.Strapi, authorization: string): Promise<boolean> {
	const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
	if (!key) return false;
	const tokens = strapi.service("admin::api-token-content-api") as unknown as { hash(accessKey: string): string };
	const token = (await strapi.db.query("admin::api-token").findOne({ where: { name: PREVIEW_TOKEN_NAME }, select: ["accessKey"] })) as {
		accessKey: string;
	} | null;
	return token !== null && token.accessKey === tokens.hash(key);
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
	async (ctx: Context, next: () => Promise<void>) => {
		if (ctx.path.startsWith("/api/")) {
			const authorization = ctx.get("authorization");
			if (!authorization) {
				refuse(ctx, 403, "The content API needs an API token. Readers use the site; builds use the site token.");
				return;
			}
			if (ctx.query.status !== undefined && ctx.query.status !== "published" && !(await isPreviewToken(strapi, authorization))) {
				refuse(ctx, 400, "The content API serves published content only; remove the status parameter. Drafts are visible in the admin.");
				return;
			}
		}
		await next();
	};
