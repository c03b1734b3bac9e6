import { CATEGORY_UID, ENTRY_UID } from "@aide/cms-contract";
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

interface Metadata {
	tableName: string;
	attributes: Record<string, { columnName?: string }>;
}

/** Ensures the lookup indexes, on every start (Strapi's schema sync may drop indexes it did not make). */
export async function ensureLookupIndexes(strapi: Core.Strapi): Promise<void> {
	for (const [uid, lookups] of Object.entries(LOOKUPS)) {
		const meta = strapi.db.metadata.get(uid) as unknown as Metadata;
		for (const fields of lookups) {
			const columns = fields.map((field) => meta.attributes[field]?.columnName ?? field);
			const name = `${meta.tableName}_${columns.join("_")}_lookup`;
			await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => "??").join(", ")})`, [
				name,
				meta.tableName,
				...columns,
			]);
		}
	}
}
