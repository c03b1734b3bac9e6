// Admin routes behind `npm run import` / `npm run export`: `POST /aide/import` applies one page and
// its translations in one transaction; `GET /aide/export` returns everything the import writes.
// They take an admin JWT or an admin API token whose owner may create, update, publish and read
// entries and categories.
import {
	AIDE_ROUTES,
	CATEGORY_UID as CATEGORY,
	ENTRY_UID as ENTRY,
	type ExportResponse,
	type ImportErrorResponse,
	type ImportResponse,
} from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";
import { applyImport, ImportApplyError } from "./apply";
import { exportContent } from "./export";
import { parseImportRequest, WireError } from "./wire";

const can = (action: string, subject: string) => [`plugin::content-manager.explorer.${action}`, subject];

interface Context {
	request: { body?: unknown };
	status: number;
	body: unknown;
}

export function registerImportRoutes(strapi: Core.Strapi): void {
	const policy = (actions: string[][]) => ["admin::isAuthenticatedAdmin", { name: "admin::hasPermissions", config: { actions } }];
	strapi.server.routes({
		type: "admin",
		prefix: AIDE_ROUTES.prefix,
		routes: [
			{
				method: "POST",
				path: AIDE_ROUTES.import,
				handler: async (ctx: Context) => {
					let request: ReturnType<typeof parseImportRequest>;
					try {
						request = parseImportRequest(ctx.request.body);
					} catch (error) {
						if (!(error instanceof WireError)) throw error;
						ctx.status = 400;
						ctx.body = { error: { status: 400, name: "ValidationError", message: error.message } } satisfies ImportErrorResponse;
						return;
					}
					try {
						ctx.body = { changes: await applyImport(strapi, request) } satisfies ImportResponse;
					} catch (error) {
						if (!(error instanceof ImportApplyError)) throw error;
						ctx.status = 422;
						ctx.body = { error: { status: 422, name: "ImportApplyError", message: error.message } } satisfies ImportErrorResponse;
					}
				},
				config: {
					policies: policy([
						can("read", ENTRY),
						can("create", ENTRY),
						can("update", ENTRY),
						can("publish", ENTRY),
						can("read", CATEGORY),
						can("create", CATEGORY),
						can("update", CATEGORY),
					]),
				},
			},
			{
				method: "GET",
				path: AIDE_ROUTES.export,
				handler: async (ctx: Context) => {
					ctx.body = { categories: await exportContent(strapi) } satisfies ExportResponse;
				},
				config: { policies: policy([can("read", ENTRY), can("read", CATEGORY)]) },
			},
		],
	} as never);
}
