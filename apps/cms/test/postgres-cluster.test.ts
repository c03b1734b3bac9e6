// Several CMS processes on one PostgreSQL. Two started at the same moment on an empty database take
// turns through the launcher's start-up lock, and end with one of everything the start-up makes;
// what one publishes the other serves, and each publish asks the site service for one rebuild; what both
// record of reader insights at the same moment adds up in one row.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INSIGHT_ROUTES } from "@aide/cms-contract";
import { createEntryDraft, publishEntry, type RunningCms, request, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECRET_NAMES } from "../src/settings.ts";
import { type RunningPostgres, startPostgres } from "./support/postgres.ts";
import { type RebuildCall, startRebuildListener } from "./support/rebuild-listener.ts";

/** The processes of a cluster share their secrets (here in the environment): a token or an admin session is then good on each. */
const secrets = Object.fromEntries(
	SECRET_NAMES.map((name) => [
		name,
		name === "APP_KEYS" ? [1, 2].map(() => randomBytes(24).toString("base64")).join(",") : randomBytes(24).toString("base64"),
	]),
);

let postgres: RunningPostgres;
let site: Awaited<ReturnType<typeof startRebuildListener>>;
let cmses: RunningCms[] = [];

beforeAll(async () => {
	postgres = await startPostgres();
	site = await startRebuildListener(secrets.AIDE_WEBHOOK_SECRET ?? "");
}, 120_000);
afterAll(async () => {
	await Promise.all(cmses.map((cms) => cms.stop()));
	await site?.close();
	await postgres?.stop();
});

/** Starts two CMS processes at the same moment; resolves once both are ready (or fails with the first error). */
async function startTogether(options: Parameters<typeof startCms>[0]): Promise<RunningCms[]> {
	const started = await Promise.allSettled([startCms(options), startCms(options)]);
	cmses = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
	for (const result of started) if (result.status === "rejected") throw result.reason;
	return cmses;
}

/** The rebuild calls made while `action` runs and for a second after, once the first has come. */
async function rebuildCallsOf(action: () => Promise<unknown>): Promise<RebuildCall[]> {
	const before = site.calls.length;
	await action();
	for (const deadline = Date.now() + 10_000; site.calls.length === before && Date.now() < deadline; )
		await new Promise((resolve) => setTimeout(resolve, 100));
	await new Promise((resolve) => setTimeout(resolve, 1000));
	return site.calls.slice(before);
}

describe("two CMS processes started together on one empty PostgreSQL", () => {
	beforeAll(async () => {
		// Each with its own data folder, as on two machines; the secrets they share are in the environment.
		await startTogether({ env: { DATABASE_URL: postgres.url, AIDE_SITE_SERVICE_URL: site.url, ...secrets } });
	}, 600_000);
	afterAll(async () => {
		await Promise.all(cmses.splice(0).map((cms) => cms.stop()));
	});

	it("both start, one after the other", () => {
		expect(cmses).toHaveLength(2);
		const waited = cmses.filter((cms) => cms.output().includes("another CMS process is starting on this database"));
		expect(waited).toHaveLength(1);
	});

	it("make one of everything: admin, Aide tokens, roles, locales; and no webhook", () => {
		expect(postgres.query("select count(*) from admin_users")).toBe("1");
		expect(postgres.query("select name from strapi_api_tokens order by name")).toBe(
			"Aide import\nAide insights\nAide preview\nAide site build",
		);
		expect(postgres.query("select name from admin_roles order by name")).toBe("Author\nEditor\nSuper Admin\nSupport editor");
		expect(postgres.query("select code from i18n_locale order by code")).toBe("en\nfr");
		expect(postgres.query("select count(*) from strapi_webhooks")).toBe("0");
		// The content types were made once: one lookup index each, no duplicate migration rows.
		expect(postgres.query("select count(*) from pg_indexes where indexname like '%_lookup'")).toBe("3");
	});

	it("share the Aide tokens: each process's files hold the values the other accepts", () => {
		const [a, b] = cmses as [RunningCms, RunningCms];
		expect(b.siteToken()).toBe(a.siteToken());
		expect(b.importToken()).toBe(a.importToken());
		expect(b.insightsToken()).toBe(a.insightsToken());
	});

	it("add up the reader insights both record at the same moment, in one row per day, language and query or answer", async () => {
		const [a, b] = cmses as [RunningCms, RunningCms];
		const draft = await createEntryDraft(a.url, await a.adminToken(), { question: "Notée ?", slug: "notee", answer: "Oui." });
		const day = new Date().toISOString().slice(0, 10);
		const batch = {
			searches: [{ day, locale: "fr", query: "facture", searches: 2, noResult: 1, opened: 0 }],
			feedback: [
				{ day, locale: "fr", documentId: draft.documentId, helpful: 1, notHelpful: 1, reasons: { unclear: 1 }, comments: ["Flou."] },
			],
		};
		const record = (cms: RunningCms) =>
			request(`${cms.url}/api${INSIGHT_ROUTES.record}`, { token: cms.insightsToken(), method: "POST", body: batch });
		const responses = await Promise.all(Array.from({ length: 10 }, (_, index) => record(index % 2 === 0 ? a : b)));
		expect(responses.map((response) => response.status)).toEqual(Array(10).fill(204));
		expect(postgres.query("select day, language, query, searches, no_result, opened from insight_searches")).toBe(
			`${day}|fr|facture|20|10|0`,
		);
		expect(postgres.query("select helpful, not_helpful, reasons, jsonb_array_length(comments) from insight_feedbacks")).toBe(
			'10|10|{"unclear": 10}|10',
		);
	}, 120_000);

	it("serve what the other published, and each publish asks for exactly one rebuild", async () => {
		for (const [writer, reader, slug] of [
			[cmses[0], cmses[1], "via-a"],
			[cmses[1], cmses[0], "via-b"],
		] as Array<[RunningCms, RunningCms, string]>) {
			const admin = await writer.adminToken();
			const draft = await createEntryDraft(writer.url, admin, { question: `Publiée ${slug} ?`, slug, answer: "Oui." });
			expect(draft.status).toBe(201);
			const calls = await rebuildCallsOf(() => publishEntry(writer.url, admin, draft.documentId));
			expect(calls).toEqual([
				{ path: "/rebuild", secretOk: true, event: "entry.publish", uid: "api::faq-entry.faq-entry", documentId: draft.documentId },
			]);
			const read = await request(`${reader.url}/api/faq-entries?filters[slug][$eq]=${slug}`, { token: reader.siteToken() });
			expect(read.status).toBe(200);
			expect(read.body.data.map((entry: { documentId: string }) => entry.documentId)).toEqual([draft.documentId]);
		}
	}, 120_000);
});

describe("two CMS processes started together on one empty PostgreSQL and one new data folder", () => {
	const dataDir = mkdtempSync(join(tmpdir(), "aide-cluster-"));
	beforeAll(async () => {
		postgres.query("CREATE DATABASE shared");
		// Nothing set: the first start generates the secrets into the shared folder, and both must use the same.
		await startTogether({ dataDir, env: { DATABASE_URL: postgres.url.replace(/\/aide$/, "/shared") } });
	}, 600_000);
	afterAll(async () => {
		await Promise.all(cmses.splice(0).map((cms) => cms.stop()));
		rmSync(dataDir, { recursive: true, force: true });
	});

	it("both start with the same secrets, and one set of tokens that both accept", async () => {
		expect(cmses).toHaveLength(2);
		expect(readFileSync(join(dataDir, "secrets.env"), "utf8").match(/^[A-Z_]+=/gm)).toHaveLength(7);
		expect(postgres.query("select count(*) from admin_users", "shared")).toBe("1");
		expect(postgres.query("select name from strapi_api_tokens order by name", "shared")).toBe(
			"Aide import\nAide insights\nAide preview\nAide site build",
		);
		for (const cms of cmses) {
			expect((await request(`${cms.url}/api/faq-entries`, { token: cms.siteToken() })).status).toBe(200);
			await cms.adminToken();
		}
	});
});
