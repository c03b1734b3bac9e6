// The same CMS on a real PostgreSQL, started for this test on loopback and removed afterwards.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createEntryDraft, publishEntry, type RunningCms, request, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPostgres, startPostgres } from "./support/postgres.ts";

let postgres: RunningPostgres;
let cms: RunningCms;

beforeAll(async () => {
	postgres = await startPostgres();
	cms = await startCms({ env: { DATABASE_URL: postgres.url } });
});
afterAll(async () => {
	await cms?.stop();
	await postgres?.stop();
});

describe("the CMS on PostgreSQL", () => {
	it("keeps its data there, not in a SQLite file", async () => {
		expect(postgres.query("select code from i18n_locale order by code")).toBe("en\nfr");
		// The lookup indexes the import relies on exist here too.
		expect(postgres.query("select indexname from pg_indexes where indexname like '%_lookup' order by indexname")).toBe(
			"categories_slug_locale_lookup\nfaq_entries_anchor_locale_lookup\nfaq_entries_slug_locale_lookup",
		);
		expect(existsSync(join(cms.dataDir, "aide.db"))).toBe(false);
	});

	it("has the locales, the access rules and the site token", async () => {
		const admin = await cms.adminToken();
		const locales = await request(`${cms.url}/i18n/locales`, { token: admin });
		expect(locales.body.find((locale: { isDefault: boolean }) => locale.isDefault).code).toBe("fr");
		expect((await request(`${cms.url}/api/faq-entries`)).status).toBe(403);

		const draft = await createEntryDraft(cms.url, admin, {
			question: "Question brouillon ?",
			slug: "question-brouillon",
			answer: "Pas encore.",
		});
		expect(draft.status).toBe(201);
		const token = cms.siteToken();
		expect((await request(`${cms.url}/api/faq-entries`, { token })).body.data).toEqual([]);
		expect((await request(`${cms.url}/api/faq-entries?status=draft`, { token })).status).toBe(400);
		await publishEntry(cms.url, admin, draft.documentId);
		expect((await request(`${cms.url}/api/faq-entries`, { token })).body.data).toHaveLength(1);
		expect(postgres.query("select count(*) from faq_entries where published_at is not null")).toBe("1");
	});
});
