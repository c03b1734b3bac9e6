// `POST /api/aide-insights/record` (INSIGHT_ROUTES.record on the content API): where the portal adds what
// readers searched and how they voted to the stored aggregates. It is the action of an API of its own,
// "aide-insights", registered here rather than generated from content-models/ (it has no content type),
// so that the content API's permission list holds exactly one action for it: the one the "Aide insights"
// token is given (bootstrap/api-tokens.ts), and no other token or role.
import { INSIGHT_BATCH_LIMITS, INSIGHT_ROUTES } from "@aide/cms-contract";
import { localeCodes } from "@aide/locales";
import type { Core } from "@strapi/strapi";
import { DAY_MS, dayOf, oldestKeptDay } from "./prune";
import { recordInsights } from "./record";
import { InsightWireError, parseInsightBatch } from "./wire";

/** The API's name: its route's `info.apiName`. */
export const INSIGHTS_API = "aide-insights";
const CONTROLLER = "insight";
/** The content API permission that lets a token record insights. */
export const INSIGHT_RECORD_ACTION = `api::${INSIGHTS_API}.${CONTROLLER}.record`;

interface Context {
	request: { body?: unknown; length?: number };
	status: number;
	body: unknown;
}

function refuse(ctx: Context, status: 400 | 413, message: string): void {
	ctx.status = status;
	ctx.body = { data: null, error: { status, name: status === 413 ? "PayloadTooLargeError" : "ValidationError", message, details: {} } };
}

/** The body's size in bytes: as sent when the client said it, else as parsed and written again. */
function sizeOf(ctx: Context): number {
	return ctx.request.length ?? Buffer.byteLength(JSON.stringify(ctx.request.body ?? null));
}

/** Registers the API and its one route; from `register()`, so that Strapi lists the action before tokens are ensured. */
export function registerInsightRoutes(strapi: Core.Strapi, { retentionDays }: { retentionDays: number }): void {
	const record = async (ctx: Context) => {
		if (sizeOf(ctx) > INSIGHT_BATCH_LIMITS.bytes) {
			refuse(ctx, 413, `The batch is larger than ${INSIGHT_BATCH_LIMITS.bytes} bytes. Send fewer increments at a time.`);
			return;
		}
		const now = Date.now();
		let batch: ReturnType<typeof parseInsightBatch>;
		try {
			batch = parseInsightBatch(ctx.request.body, {
				locales: localeCodes,
				oldestDay: oldestKeptDay(retentionDays, now),
				newestDay: dayOf(now + DAY_MS),
			});
		} catch (error) {
			if (!(error instanceof InsightWireError)) throw error;
			refuse(ctx, 400, error.message);
			return;
		}
		const dropped = batch.dropped + (await recordInsights(strapi, batch));
		// Counts only: what was dropped may be personal (a query that looked like an e-mail address).
		if (dropped > 0)
			strapi.log.debug(`Reader insights: dropped ${dropped} increment(s) (personal queries, days past retention, deleted answers).`);
		ctx.status = 204;
		ctx.body = null;
	};
	const apis = strapi.get("apis") as unknown as { add(name: string, api: object): unknown };
	apis.add(INSIGHTS_API, {
		controllers: { [CONTROLLER]: { record } },
		routes: {
			[CONTROLLER]: {
				type: "content-api",
				routes: [{ method: "POST", path: INSIGHT_ROUTES.record, handler: `${CONTROLLER}.record`, config: { policies: [] } }],
			},
		},
	});
}
