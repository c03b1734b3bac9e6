/**
 * Two rules for the content API (`/api/*`), whatever the roles and tokens say:
 *
 * - it needs a token: anonymous calls get 403 (readers never call the CMS; the site build has a token);
 * - it serves published content only: Strapi 5 lets any token with `find` read drafts with
 *   `?status=draft`, so any other status is refused. Editors see drafts in the admin, which does not
 *   go through `/api`.
 */
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

export default () => async (ctx: Context, next: () => Promise<void>) => {
	if (ctx.path.startsWith("/api/")) {
		if (!ctx.get("authorization")) {
			refuse(ctx, 403, "The content API needs an API token. Readers use the site; builds use the site token.");
			return;
		}
		if (ctx.query.status !== undefined && ctx.query.status !== "published") {
			refuse(ctx, 400, "The content API serves published content only; remove the status parameter. Drafts are visible in the admin.");
			return;
		}
	}
	await next();
};
