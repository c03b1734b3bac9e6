// The portal's reader insights against the real CMS (its record route and its "Aide insights"
// token, read from the CMS's data folder): what readers did arrives as the day's aggregates, a
// personal query never does, and counts kept while the CMS was stopped arrive once it is back.
// The stored rows are read from the CMS's SQLite file (node:sqlite), as nothing else may read them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { dataFiles } from "@aide/config";
import { removeSite } from "@aide/site-build";
import { type RunningCms, request, startCms } from "@aide/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type SiteService, startSiteService } from "../src/server/site-service.ts";
import { event, post } from "./support/insights.ts";
import { buildEnvOf, until as untilLogged } from "./support/site-service.ts";

const work = mkdtempSync(join(tmpdir(), "aide-insights-cms-"));
const logs: string[] = [];
let cms: RunningCms;
let service: SiteService;
let eventsUrl: string;

const until = (check: () => boolean, what: string) => untilLogged(async () => check(), what, logs, 60_000);
const today = new Date().toISOString().slice(0, 10);

/** The stored rows of an aggregate table, as the CMS wrote them. */
function rows(table: "insight_searches" | "insight_feedbacks"): Array<Record<string, unknown>> {
	const db = new DatabaseSync(join(cms.dataDir, "aide.db"), { readOnly: true });
	try {
		return db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>;
	} finally {
		db.close();
	}
}
const searchRows = () =>
	rows("insight_searches").map((row) => ({
		day: row.day,
		language: row.language,
		query: row.query,
		searches: row.searches,
		noResult: row.no_result,
		opened: row.opened,
	}));

beforeAll(async () => {
	cms = await startCms({ demo: true, keepData: true });
	service = await startSiteService({
		dist: join(work, "dist"),
		public: { host: "127.0.0.1", port: 0 },
		service: { host: "127.0.0.1", port: 0 },
		webhookSecret: "w".repeat(32),
		previewSecret: "p".repeat(32),
		cmsOrigin: cms.url,
		buildEnv: buildEnvOf({ CMS_URL: cms.url, AIDE_DATA_DIR: cms.dataDir }),
		log: (message) => logs.push(message),
		// No build: the events route does not need the site.
		holdRebuilds: true,
		insights: { cmsUrl: cms.url, tokenFile: dataFiles(cms.dataDir).tokens.insights, flushSeconds: 1, siteOrigin: "http://127.0.0.1" },
	});
	eventsUrl = `${service.publicUrl}/aide/events`;
}, 180_000);

afterAll(async () => {
	await service?.close();
	await cms?.stop();
	removeSite(join(work, "dist"));
	for (const dir of [work, cms?.dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

it("stores the day's aggregates with the insights token, never a personal query; what was kept while the CMS was stopped arrives once it is back", async () => {
	const { body } = await request(`${cms.url}/api/faq-entries?locale=en&pagination[pageSize]=1`, { token: cms.siteToken() });
	const documentId = body.data[0].documentId as string;
	for (const sent of [
		event({ type: "search", locale: "fr", query: "Annuler ma commande", results: 0 }),
		event({ type: "search", locale: "fr", query: "annuler  ma commande", results: 0 }),
		event({ type: "search", locale: "fr", query: "marie.curie@example.org", results: 0 }),
		event({ type: "feedback", locale: "en", documentId, helpful: false, reasons: ["outdated"], comment: "The screenshots are old." }),
	])
		expect((await post(eventsUrl, sent)).status).toBe(204);
	await until(() => searchRows().length > 0 && rows("insight_feedbacks").length > 0, "the aggregates are stored");
	expect(searchRows()).toEqual([{ day: today, language: "fr", query: "annuler ma commande", searches: 2, noResult: 2, opened: 0 }]);
	const [feedback] = rows("insight_feedbacks");
	expect(feedback).toMatchObject({ language: "en", answer: documentId, helpful: 0, not_helpful: 1 });
	expect(JSON.parse(String(feedback?.reasons))).toEqual({ outdated: 1 });
	expect(JSON.parse(String(feedback?.comments))).toEqual(["The screenshots are old."]);
	expect(JSON.stringify([rows("insight_searches"), rows("insight_feedbacks"), cms.output()])).not.toContain("curie");

	// The CMS stops; readers go on searching; it comes back on the same address and data.
	const port = new URL(cms.url).port;
	const dataDir = cms.dataDir;
	await cms.stop();
	expect((await post(eventsUrl, event({ type: "search", locale: "fr", query: "annuler ma commande", results: 4 }))).status).toBe(204);
	await until(() => logs.some((line) => line.includes("cannot reach the CMS")), "a send fails");
	cms = await startCms({ dataDir, keepData: true, env: { CMS_PORT: port } });
	await until(() => searchRows()[0]?.searches === 3, "the kept count is stored");
	expect(searchRows()).toEqual([{ day: today, language: "fr", query: "annuler ma commande", searches: 3, noResult: 2, opened: 0 }]);
}, 240_000);
