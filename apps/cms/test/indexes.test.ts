// The lookup indexes on a real Strapi's SQLite file: present after a start, and used by the import's lookups.

import { type RunningCms, startCms } from "@aide/testing";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let cms: RunningCms;
beforeAll(async () => {
	cms = await startCms();
});
afterAll(async () => {
	await cms?.stop();
});

describe("lookup indexes", () => {
	it("exist, and the import's lookups by anchor and slug use them", () => {
		const db = new Database(`${cms.dataDir}/aide.db`, { readonly: true });
		try {
			const names = db.prepare("select name from sqlite_master where type = 'index' and name like '%_lookup' order by name").pluck().all();
			expect(names).toEqual(["categories_slug_locale_lookup", "faq_entries_anchor_locale_lookup", "faq_entries_slug_locale_lookup"]);
			const plan = (sql: string) =>
				db
					.prepare(`explain query plan ${sql}`)
					.all()
					.map((row) => (row as { detail: string }).detail)
					.join(" ");
			expect(plan("select document_id from faq_entries where anchor = 'x' and locale = 'fr'")).toContain(
				"faq_entries_anchor_locale_lookup",
			);
			expect(plan("select id from faq_entries where slug = 'x' and locale = 'en'")).toContain("faq_entries_slug_locale_lookup");
		} finally {
			db.close();
		}
	});
});
