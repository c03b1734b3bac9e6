/**
 * The content API's "published content only" rule (content-api-guard.ts), said again where drafts are
 * actually read: a read of a draft-and-publish type, made for a content API route, with any status
 * but "published", is refused unless the request carries the preview token. Whatever the path or the
 * query looked like, this is the status the database is asked for.
 */
import type { Core } from "@strapi/strapi";
import { errors } from "@strapi/utils";
import { isPreviewToken } from "./content-api-guard";

const READS = new Set(["findMany", "findFirst", "findOne", "count"]);

interface DocumentCall {
	action: string;
	contentType: { options?: { draftAndPublish?: boolean } };
	params?: { status?: unknown };
}

interface RequestContext {
	state?: { route?: { info?: { type?: string } } };
	get(header: string): string;
}

export function publishedOnly(strapi: Core.Strapi) {
	return async (call: DocumentCall, next: () => Promise<unknown>) => {
		if (READS.has(call.action) && call.contentType.options?.draftAndPublish === true && call.params?.status !== "published") {
			const ctx = strapi.requestContext.get() as RequestContext | undefined;
			if (ctx?.state?.route?.info?.type === "content-api" && !(await isPreviewToken(strapi, ctx.get("authorization")))) {
				throw new errors.ValidationError(
					"The content API serves published content only; remove the status parameter. Drafts are visible in the admin.",
				);
			}
		}
		return next();
	};
}
