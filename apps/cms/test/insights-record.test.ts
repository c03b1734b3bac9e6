// The CMS's receiving end of reader insights (issue 17), against a real Strapi: the portal's "Aide insights"
// token records batches at POST /api/aide-insights/record; counts add up in one row per day, language and
// query or answer; personal queries never land, even sent straight to the CMS; bad batches are refused
// naming the field; the token can do nothing else, and no other token can touch the aggregates.
// The aggregates have no REST route: the test reads them from the CMS's SQLite file.
import { readFileSync, rmSync } from "node:fs";
import { INSIGHT_BATCH_LIMITS, INSIGHT_ROUTES } from "@aide/cms-contract";
import { createEntryDraft, type RunningCms, request, startCms } from "@aide/testing";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const RECORD = `/api${INSIGHT_ROUTES.record}`;
const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);
const today = dayOf(0);

let cms: RunningCms;
let admin: string;
let answer: string;

beforeAll(async () => {
	cms = await startCms({ keepData: true });
	admin = await cms.adminToken();
	const entry = await createEntryDraft(cms.url, admin, {
		question: "Comment changer mon mot de passe ?",
		slug: "mot-de-passe",
		answer: "Ainsi.",
	});
	answer = entry.documentId;
});
afterAll(async () => {
	await cms?.stop();
	if (cms) rmSync(cms.dataDir, { recursive: true, force: true });
});

/** Posts a batch with the insights token, or with `token` (null: none). */
const record = (body: unknown, token: string | null = cms.insightsToken()) =>
	request(`${cms.url}${RECORD}`, { token: token ?? undefined, method: "POST", body });
const search = (query: string, counts: { searches?: number; noResult?: number; opened?: number } = {}, day = today) => ({
	day,
	locale: "fr",
	query,
	searches: counts.searches ?? 1,
	noResult: counts.noResult ?? 0,
	opened: counts.opened ?? 0,
});
const vote = (
	documentId: string,
	fields: Partial<{ helpful: number; notHelpful: number; reasons: object; comments: string[]; day: string }> = {},
) => ({
	day: fields.day ?? today,
	locale: "fr",
	documentId,
	helpful: fields.helpful ?? 0,
	notHelpful: fields.notHelpful ?? 0,
	reasons: fields.reasons ?? {},
	comments: fields.comments ?? [],
});

/** The rows of an aggregate table, straight from the CMS's SQLite file. */
function rows(table: "insight_searches" | "insight_feedbacks", where = "1 = 1"): Array<Record<string, unknown>> {
	const db = new Database(`${cms.dataDir}/aide.db`, { readonly: true });
	try {
		return db.prepare(`select * from ${table} where ${where} order by id`).all() as Array<Record<string, unknown>>;
	} finally {
		db.close();
	}
}

describe("recording reader insights", () => {
	it("adds up increments within one batch and across two, in one row per day, language and query or answer", async () => {
		const first = await record({
			searches: [search("Mot de passe", { searches: 2, noResult: 1 }), search("  mot   de passe ", { searches: 1, opened: 1 })],
			feedback: [vote(answer, { helpful: 1, notHelpful: 2, reasons: { unclear: 1, outdated: 1 }, comments: ["Trop court."] })],
		});
		expect(first.status, JSON.stringify(first.body)).toBe(204);
		const second = await record({
			searches: [search("mot de passe", { searches: 4, noResult: 2, opened: 1 })],
			feedback: [vote(answer, { notHelpful: 1, reasons: { unclear: 1 }, comments: ["Où est le bouton ?"] })],
		});
		expect(second.status, JSON.stringify(second.body)).toBe(204);

		expect(rows("insight_searches", "query = 'mot de passe'")).toEqual([
			expect.objectContaining({
				day: today,
				language: "fr",
				searches: 7,
				no_result: 3,
				opened: 2,
				document_id: expect.stringMatching(/^[a-z][a-z0-9]{23}$/),
			}),
		]);
		const [feedback, ...more] = rows("insight_feedbacks", `answer = '${answer}'`);
		expect(more).toEqual([]);
		expect(feedback).toMatchObject({ day: today, language: "fr", helpful: 1, not_helpful: 3 });
		expect(JSON.parse(String(feedback?.reasons))).toEqual({ unclear: 2, outdated: 1 });
		expect(JSON.parse(String(feedback?.comments))).toEqual(["Trop court.", "Où est le bouton ?"]);
	});

	it("keeps the latest 20 comments of a day's answer", async () => {
		const comments = Array.from({ length: 25 }, (_, index) => `Remarque ${index}`);
		const day = dayOf(1);
		expect((await record({ searches: [], feedback: [vote(answer, { day, notHelpful: 25, comments })] })).status).toBe(204);
		const [row] = rows("insight_feedbacks", `day = '${day}'`);
		expect(JSON.parse(String(row?.comments))).toEqual(comments.slice(5));
	});

	it("drops personal queries, feedback on answers that no longer exist and days already pruned, even sent to the CMS directly", async () => {
		const personal = ["jean.dupont@example.com", "06 12 34 56 78", "+33 6 12 34 56 78", "commande 1234567"];
		const response = await record({
			searches: [...personal.map((query) => search(query)), search("   "), search("mot de passe oublié", {}, dayOf(400))],
			feedback: [vote("nosuchentry0000000000000", { helpful: 1 })],
		});
		expect(response.status, JSON.stringify(response.body)).toBe(204);
		const stored = rows("insight_searches").map((row) => row.query);
		for (const query of personal) expect(stored).not.toContain(query);
		expect(stored).not.toContain("mot de passe oublié");
		expect(rows("insight_feedbacks", "answer = 'nosuchentry0000000000000'")).toEqual([]);
	});

	it("refuses a bad batch whole, saying which field is wrong and why", async () => {
		const cases: Array<[unknown, string]> = [
			[[], "The batch: must be an object with searches, feedback."],
			[{ searches: [] }, "The batch: must be { searches: [...], feedback: [...] } (either list may be empty)."],
			[{ searches: [], feedback: [], ip: "1.2.3.4" }, 'The batch: unknown field "ip". It holds searches, feedback, nothing else.'],
			[
				{ searches: [search("a"), { ...search("b"), day: "2026-02-30" }], feedback: [] },
				'searches[1].day: must be a day as YYYY-MM-DD (UTC), not "2026-02-30".',
			],
			[
				{ searches: [{ ...search("b"), day: dayOf(-3) }], feedback: [] },
				`searches[0].day: "${dayOf(-3)}" is after ${dayOf(-1)}, tomorrow by the CMS's clock. Check the portal's clock.`,
			],
			[
				{ searches: [{ ...search("b"), locale: "de" }], feedback: [] },
				'searches[0].locale: "de" is not one of the CMS\'s locales (fr, en).',
			],
			[{ searches: [{ ...search("b"), query: 3 }], feedback: [] }, "searches[0].query: must be text, not 3."],
			[
				{ searches: [search("b", { searches: -1 })], feedback: [] },
				`searches[0].searches: must be a whole number from 0 to ${INSIGHT_BATCH_LIMITS.count}, not -1.`,
			],
			[
				{ searches: [search("b", { searches: 1.5 })], feedback: [] },
				`searches[0].searches: must be a whole number from 0 to ${INSIGHT_BATCH_LIMITS.count}, not 1.5.`,
			],
			[
				{ searches: [search("b", { opened: 10 ** 9 })], feedback: [] },
				`searches[0].opened: must be a whole number from 0 to ${INSIGHT_BATCH_LIMITS.count}, not 1000000000.`,
			],
			[
				{ searches: [search("b", { searches: 1, noResult: 2 })], feedback: [] },
				"searches[0].noResult: 2 is more than its searches (1); a search with no result is one of the searches.",
			],
			[
				{ searches: [{ ...search("b"), userAgent: "Firefox" }], feedback: [] },
				'searches[0]: unknown field "userAgent". It holds day, locale, query, searches, noResult, opened, nothing else.',
			],
			[
				{ searches: [], feedback: [vote("../../admin")] },
				'feedback[0].documentId: must be a FAQ entry\'s documentId (lower-case letters and digits), not "../../admin".',
			],
			[
				{ searches: [], feedback: [vote(answer, { notHelpful: 1, reasons: { boring: 1 } })] },
				'feedback[0].reasons: "boring" is not a reason; the reasons are unclear, incomplete, not-my-question, outdated.',
			],
			[
				{ searches: [], feedback: [vote(answer, { notHelpful: 1, reasons: { unclear: 2 } })] },
				"feedback[0].reasons.unclear: must be a whole number from 0 to 1, not 2.",
			],
			[
				{ searches: [], feedback: [vote(answer, { notHelpful: 1, comments: ["a", "b"] })] },
				'feedback[0].comments: 2 comments for 1 "no" votes; a comment comes with a "no" vote.',
			],
			[
				{ searches: [], feedback: [vote(answer, { notHelpful: 1, comments: ["x".repeat(501)] })] },
				"feedback[0].comments[0]: must be non-empty text of at most 500 characters.",
			],
			[
				{ searches: Array.from({ length: INSIGHT_BATCH_LIMITS.items + 1 }, () => search("b")), feedback: [] },
				`The batch: holds ${INSIGHT_BATCH_LIMITS.items + 1} increments; at most ${INSIGHT_BATCH_LIMITS.items} are recorded at once. Send the rest in another batch.`,
			],
		];
		for (const [body, message] of cases) {
			const response = await record(body);
			expect([response.status, response.body?.error?.message], JSON.stringify(body).slice(0, 200)).toEqual([400, message]);
		}
		// Nothing of a refused batch was recorded, not even its good increments.
		expect(rows("insight_searches", "query in ('a', 'b')")).toEqual([]);

		const tooBig = await record({
			searches: [],
			feedback: [vote(answer, { notHelpful: 1100, comments: Array.from({ length: 1100 }, () => "x".repeat(500)) })],
		});
		expect([tooBig.status, tooBig.body?.error?.message]).toEqual([
			413,
			`The batch is larger than ${INSIGHT_BATCH_LIMITS.bytes} bytes. Send fewer increments at a time.`,
		]);
	});
});

describe("the insights token", () => {
	it("holds one permission: recording insights", async () => {
		const { body } = await request(`${cms.url}/admin/api-tokens`, { token: admin });
		const token = (body.data as Array<{ id: number; name: string; type: string }>).find((candidate) => candidate.name === "Aide insights");
		expect(token?.type).toBe("custom");
		const detail = await request(`${cms.url}/admin/api-tokens/${token?.id}`, { token: admin });
		expect(detail.body.data.permissions).toEqual(["api::aide-insights.insight.record"]);
	});

	it("can do nothing else: no reading, no writing, no admin route", async () => {
		const token = cms.insightsToken();
		const refused: Array<[string, string, unknown?]> = [
			["GET", "/api/faq-entries?locale=fr"],
			["GET", `/api/faq-entries/${answer}?locale=fr`],
			["GET", "/api/categories"],
			["GET", "/api/site-setting"],
			["GET", "/api/upload/files"],
			["GET", "/api/insight-searches"],
			["GET", "/api/insight-feedbacks"],
			["POST", "/api/insight-searches", { data: { day: today, language: "fr", query: "x", searches: 1 } }],
			["POST", "/api/faq-entries?locale=fr", { data: { question: "Intrus ?", slug: "intrus", answer: "Non." } }],
			["PUT", `/api/faq-entries/${answer}?locale=fr`, { data: { question: "Changé ?" } }],
			["DELETE", `/api/faq-entries/${answer}?locale=fr`],
			["POST", "/api/upload", {}],
			["POST", "/aide/import", { group: { key: "x", files: [], category: null, entries: [] }, publish: false, dryRun: true }],
			["GET", "/aide/export"],
			["GET", "/aide/insights?locale=fr&days=30"],
			["GET", "/admin/users/me"],
			["GET", `/content-manager/collection-types/api::insight-search.insight-search`],
		];
		for (const [method, path, body] of refused) {
			const response = await request(`${cms.url}${path}`, { token, method, body });
			expect([401, 403, 404, 405], `${method} ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`).toContain(
				response.status,
			);
		}
		const entry = await request(`${cms.url}/content-manager/collection-types/api::faq-entry.faq-entry/${answer}?locale=fr`, {
			token: admin,
		});
		expect(entry.body.data.question).toBe("Comment changer mon mot de passe ?");
	});
});

describe("the aggregates", () => {
	it("are out of reach of every other token, of admins' sessions and of anonymous calls", async () => {
		const preview = readFileSync(`${cms.dataDir}/preview-token`, "utf8").trim();
		const batch = { searches: [search("intrus")], feedback: [] };
		const callers: Array<[string, string | null, number]> = [
			["the site token", cms.siteToken(), 403],
			["the preview token", preview, 403],
			["the import token", cms.importToken(), 401],
			["an admin's session", admin, 401],
			["nobody", null, 403],
		];
		for (const [who, token, status] of callers) {
			for (const path of ["/api/insight-searches", "/api/insight-feedbacks", `/api/insight-searches?filters[query][$eq]=mot de passe`]) {
				const read = await request(`${cms.url}${path}`, { token: token ?? undefined });
				expect(read.status, `${who}: GET ${path}`).toBeGreaterThanOrEqual(400);
				expect(JSON.stringify(read.body), `${who}: GET ${path}`).not.toContain("mot de passe");
			}
			expect((await record(batch, token)).status, who).toBe(status);
		}
		expect(rows("insight_searches", "query = 'intrus'")).toEqual([]);
	});

	it("are pruned when the CMS starts: days older than AIDE_INSIGHTS_RETENTION_DAYS go, recent ones stay", async () => {
		const old = dayOf(40);
		const recent = dayOf(10);
		const response = await record({
			searches: [search("ancienne", {}, old), search("récente", {}, recent)],
			feedback: [vote(answer, { day: old, helpful: 1 })],
		});
		expect(response.status).toBe(204);
		expect(rows("insight_searches", `day = '${old}'`)).toHaveLength(1);
		await cms.stop();
		cms = await startCms({ dataDir: cms.dataDir, env: { AIDE_INSIGHTS_RETENTION_DAYS: "30" } });
		expect(rows("insight_searches", `day = '${old}'`)).toEqual([]);
		expect(rows("insight_feedbacks", `day = '${old}'`)).toEqual([]);
		expect(rows("insight_searches", `day = '${recent}'`)).toEqual([expect.objectContaining({ query: "récente", searches: 1 })]);
		expect(rows("insight_searches", "query = 'mot de passe'")).toHaveLength(1);
		expect(cms.output()).toContain(`Deleted 2 reader insight row(s) from before ${dayOf(30)} (AIDE_INSIGHTS_RETENTION_DAYS=30).`);
		// A portal still holding that day cannot bring it back.
		expect((await record({ searches: [search("ancienne", {}, old)], feedback: [] })).status).toBe(204);
		expect(rows("insight_searches", `day = '${old}'`)).toEqual([]);
	}, 240_000);
});
