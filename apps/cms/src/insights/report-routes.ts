// The insights' admin routes (issue 17), read by the admin's insights page and by `npm run translations`:
// - `GET /aide/insights?locale=fr&days=30`: failed searches, answer feedback and the translation worklist,
//   for admins who may read every FAQ entry in that locale (the Support editor role, the import token), not
//   those limited to some entries (Strapi's "Is creator" condition): it shows feedback on every answer;
// - `POST /aide/insights/keyword`: a failed query as a keyword of an answer's draft, for admins who may edit
//   that draft's keywords in the content manager (its creator, its locale, the keywords field).
// The policies refuse early whoever may not read / update FAQ entries at all; entry-permissions.ts decides the rest.
// They read the aggregates the portal writes (content-models/insight-*.json) and never change them.
import { AIDE_ROUTES, ENTRY_UID, INSIGHT_ROUTES, type InsightReport } from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";
import { addKeyword, parseKeywordRequest } from "./add-keyword";
import { answerFeedback } from "./answer-feedback";
import { assertMayReadReport, entryPermissions, type UserAbility } from "./entry-permissions";
import { failedSearches } from "./failed-searches";
import { parseReportQuery } from "./report-query";
import { InsightRequestError } from "./request-error";
import { translationWorklist } from "./translation-worklist";

interface Context {
	query: Record<string, unknown>;
	request: { body?: unknown };
	state: { userAbility: UserAbility };
	status: number;
	body: unknown;
}

const mayDo = (action: "read" | "update") => [
	"admin::isAuthenticatedAdmin",
	{ name: "admin::hasPermissions", config: { actions: [[`plugin::content-manager.explorer.${action}`, ENTRY_UID]] } },
];

/** Runs a handler, answering its refusals with their status and message. */
const refusing =
	(handler: (ctx: Context) => Promise<unknown>) =>
	async (ctx: Context): Promise<void> => {
		try {
			ctx.body = await handler(ctx);
		} catch (error) {
			if (!(error instanceof InsightRequestError)) throw error;
			ctx.status = error.status;
			ctx.body = error.body();
		}
	};

export async function insightReport(strapi: Core.Strapi, query: Record<string, unknown>, userAbility: UserAbility): Promise<InsightReport> {
	const period = parseReportQuery(query);
	assertMayReadReport(entryPermissions(strapi, userAbility), period.locale);
	return {
		locale: period.locale,
		days: period.days,
		failedSearches: await failedSearches(strapi, period),
		feedback: await answerFeedback(strapi, period),
		translations: await translationWorklist(strapi, period.locale),
	};
}

export function registerInsightReportRoutes(strapi: Core.Strapi): void {
	strapi.server.routes({
		type: "admin",
		prefix: AIDE_ROUTES.prefix,
		routes: [
			{
				method: "GET",
				path: INSIGHT_ROUTES.report,
				handler: refusing((ctx) => insightReport(strapi, ctx.query, ctx.state.userAbility)),
				config: { policies: mayDo("read") },
			},
			{
				method: "POST",
				path: INSIGHT_ROUTES.keyword,
				handler: refusing((ctx) => addKeyword(strapi, parseKeywordRequest(ctx.request.body), ctx.state.userAbility)),
				config: { policies: mayDo("update") },
			},
		],
	} as never);
}
