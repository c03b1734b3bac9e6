// Reader insights are kept AIDE_INSIGHTS_RETENTION_DAYS days (settings.ts): older aggregates are deleted
// when the CMS starts and then once a day. The record route drops increments for days already past, so
// that a portal sending an old buffer does not bring them back.
import { INSIGHT_FEEDBACK_UID, INSIGHT_SEARCH_UID } from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";

/** A day in milliseconds: the aggregates' unit of time. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A UTC day as stored: `YYYY-MM-DD`. */
export const dayOf = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The oldest day kept (`YYYY-MM-DD`, UTC): `retentionDays` before `now`. */
export function oldestKeptDay(retentionDays: number, now = Date.now()): string {
	return dayOf(now - retentionDays * DAY_MS);
}

/** Deletes the aggregates of days before {@link oldestKeptDay}; returns how many rows went. */
export async function pruneInsights(strapi: Core.Strapi, retentionDays: number): Promise<number> {
	const before = oldestKeptDay(retentionDays);
	let deleted = 0;
	for (const uid of [INSIGHT_SEARCH_UID, INSIGHT_FEEDBACK_UID]) {
		deleted += (await strapi.db.query(uid).deleteMany({ where: { day: { $lt: before } } })).count;
	}
	if (deleted > 0)
		strapi.log.info(`Deleted ${deleted} reader insight row(s) from before ${before} (AIDE_INSIGHTS_RETENTION_DAYS=${retentionDays}).`);
	return deleted;
}

/** Prunes now, then once a day; returns the function that stops the daily prune (from `destroy()`). */
export async function startInsightPruning(strapi: Core.Strapi, retentionDays: number): Promise<() => void> {
	await pruneInsights(strapi, retentionDays);
	const timer = setInterval(() => {
		pruneInsights(strapi, retentionDays).catch((error: unknown) =>
			strapi.log.error(`Pruning reader insights failed: ${(error as Error).message}`),
		);
	}, DAY_MS);
	// The daily prune never keeps the process alive by itself.
	timer.unref();
	return () => clearInterval(timer);
}
