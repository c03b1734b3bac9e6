import { CATEGORY_UID, ENTRY_UID, INSIGHT_FEEDBACK_UID, INSIGHT_SEARCH_UID } from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";

/**
 * Columns the CMS looks documents up by, per content type: the import pairs entries by anchor and
 * makes slugs unique per locale (src/import/apply.ts). Strapi indexes neither, so each lookup would
 * scan the table, and importing N entries would take time in N².
 */
const LOOKUPS: Record<string, string[][]> = {
	[ENTRY_UID]: [
		["anchor", "locale"],
		["slug", "locale"],
	],
	[CATEGORY_UID]: [["slug", "locale"]],
};

/**
 * Columns no two rows may share: one row of reader insights per day, language and query or answer.
 * The record route adds to that row (INSERT ... ON CONFLICT, insights/record.ts), which needs the index,
 * and two CMS processes on one database cannot make a second row for the same day.
 */
const UNIQUES: Record<string, string[][]> = {
	[INSIGHT_SEARCH_UID]: [["day", "language", "query"]],
	[INSIGHT_FEEDBACK_UID]: [["day", "language", "answer"]],
};

interface Metadata {
	tableName: string;
	attributes: Record<string, { columnName?: string }>;
}

/** Ensures the lookup and unique indexes, on every start (Strapi's schema sync may drop indexes it did not make). */
export async function ensureLookupIndexes(strapi: Core.Strapi): Promise<void> {
	for (const [kind, indexes] of [
		["lookup", LOOKUPS],
		["unique", UNIQUES],
	] as const) {
		for (const [uid, lookups] of Object.entries(indexes)) {
			const meta = strapi.db.metadata.get(uid) as unknown as Metadata;
			for (const fields of lookups) {
				const columns = fields.map((field) => meta.attributes[field]?.columnName ?? field);
				const name = `${meta.tableName}_${columns.join("_")}_${kind}`;
				await strapi.db.connection.raw(
					`CREATE ${kind === "unique" ? "UNIQUE " : ""}INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => "??").join(", ")})`,
					[name, meta.tableName, ...columns],
				);
			}
		}
	}
}
