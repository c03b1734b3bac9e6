// The report's "searches with no result": the search aggregates of one locale over the period,
// summed per query.
import { INSIGHT_SEARCH_UID, type InsightReport } from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";
import { allRows, count } from "./db-rows";
import type { ReportQuery } from "./report-query";

/** The most queries a report lists. */
export const FAILED_SEARCHES_LIMIT = 100;

type FailedSearch = InsightReport["failedSearches"][number];

/** Queries with searches that found nothing over the period, most such searches first (then alphabetically). */
export async function failedSearches(strapi: Core.Strapi, { locale, since }: ReportQuery): Promise<FailedSearch[]> {
	const rows = await allRows(strapi, INSIGHT_SEARCH_UID, { language: locale, day: { $gte: since } }, [
		"query",
		"searches",
		"noResult",
		"opened",
	]);
	const byQuery = new Map<string, FailedSearch>();
	for (const row of rows) {
		const query = String(row.query);
		const total = byQuery.get(query) ?? { query, count: 0, searches: 0, opened: 0 };
		total.count += count(row.noResult);
		total.searches += count(row.searches);
		total.opened += count(row.opened);
		byQuery.set(query, total);
	}
	return [...byQuery.values()]
		.filter((search) => search.count > 0)
		.sort((a, b) => b.count - a.count || (a.query < b.query ? -1 : a.query > b.query ? 1 : 0))
		.slice(0, FAILED_SEARCHES_LIMIT);
}
