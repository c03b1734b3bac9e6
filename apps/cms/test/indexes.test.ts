// The lookup indexes on a real Strapi's SQLite file: present after a start, and used by the import's lookups;
// the unique indexes of the insight aggregates, which the record route's upserts rely on.

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

	it("keep one row of reader insights per day, language and query or answer", () => {
		const db = new Database(`${cms.dataDir}/aide.db`);
		try {
			const names = db.prepare("select name from sqlite_master where type = 'index' and name like '%_unique' order by name").pluck().all();
			expect(names).toEqual(["insight_feedbacks_day_language_answer_unique", "insight_searches_day_language_query_unique"]);
			const insert = db.prepare(
				"insert into insight_searches (document_id, day, language, query, searches, no_result, opened) values (?, ?, ?, ?, 1, 0, 0)",
			);
			insert.run("a00000000000000000000001", "2026-01-01", "fr", "mot de passe");
			insert.run("a00000000000000000000002", "2026-01-01", "en", "mot de passe");
			expect(() => insert.run("a00000000000000000000003", "2026-01-01", "fr", "mot de passe")).toThrow(/UNIQUE constraint failed/);
		} finally {
			db.close();
		}
	});
});
