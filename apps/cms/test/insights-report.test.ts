// `GET /aide/insights` and `POST /aide/insights/keyword` against a real CMS: aggregates written into its
// database as the portal leaves them, entries made and published through the admin as editors do.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENTRY_UID } from "@aide/cms-contract";
import { createEntryDraft, freePort, publishEntry, type RunningCms, request, sleep, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentPermission, signedInAdmin } from "./support/admin-users.ts";
import { runImportCli } from "./support/import-cli.ts";
import { dayBefore, insertInsightRows } from "./support/insight-rows.ts";

let cms: RunningCms;
let admin: string;
let editor: string;
/** The FAQ entries: `password` translated then edited and republished in French, `invoice` French only, `price` up to date. */
const ids = { password: "", invoice: "", price: "" };

const report = (query: string, token = editor) => request(`${cms.url}/aide/insights${query}`, { token });
const addKeyword = (body: unknown, token = editor) => request(`${cms.url}/aide/insights/keyword`, { token, method: "POST", body });

async function entry(question: string, slug: string, locale = "fr", documentId?: string): Promise<string> {
	const made = await createEntryDraft(cms.url, admin, { question, slug, answer: `${question} Réponse.` }, locale, documentId);
	if (!made.documentId) throw new Error(`Creating "${question}" failed: ${JSON.stringify(made.body)}`);
	return made.documentId;
}

async function publish(documentId: string, locale: string): Promise<void> {
	const published = await publishEntry(cms.url, admin, documentId, locale);
	if (published.status !== 200) throw new Error(`Publishing ${documentId} (${locale}) failed: ${JSON.stringify(published.body)}`);
	// Versions published within the same millisecond would tie: the rule compares their times.
	await sleep(20);
}

beforeAll(async () => {
	cms = await startCms();
	admin = await cms.adminToken();
	editor = await signedInAdmin(cms, "editor@aide.test", "Support editor");

	ids.password = await entry("Comment changer mon mot de passe ?", "changer-mot-de-passe");
	await publish(ids.password, "fr");
	await entry("How do I change my password?", "change-password", "en", ids.password);
	await publish(ids.password, "en");
	await createEntryDraft(
		cms.url,
		admin,
		{ question: "Comment changer mon mot de passe ?", slug: "changer-mot-de-passe", answer: "Nouveau." },
		"fr",
		ids.password,
	);
	await publish(ids.password, "fr");

	ids.invoice = await entry("Facture, reçu : où les trouver ?", "facture-recu");

	ids.price = await entry("Combien coûte l'abonnement ?", "prix");
	await publish(ids.price, "fr");
	await entry("How much is the subscription?", "price", "en", ids.price);
	await publish(ids.price, "en");
	// A French draft edited after the translation, not published: readers see no change, so nothing is outdated.
	await createEntryDraft(cms.url, admin, { question: "Combien coûte l'abonnement ?", slug: "prix", answer: "Brouillon." }, "fr", ids.price);

	insertInsightRows(cms, {
		searches: [
			{ day: dayBefore(0), language: "fr", query: "facture", searches: 3, noResult: 3, opened: 0 },
			{ day: dayBefore(0), language: "fr", query: "mot de passe", searches: 5, noResult: 0, opened: 4 },
			{ day: dayBefore(0), language: "fr", query: "remboursement", searches: 2, noResult: 1, opened: 1 },
			{ day: dayBefore(5), language: "fr", query: "facture", searches: 2, noResult: 2, opened: 0 },
			{ day: dayBefore(5), language: "fr", query: "remboursement", searches: 5, noResult: 5, opened: 0 },
			{ day: dayBefore(40), language: "fr", query: "ancien", searches: 9, noResult: 9, opened: 0 },
			{ day: dayBefore(0), language: "en", query: "invoice", searches: 7, noResult: 7, opened: 0 },
		],
		feedback: [
			{
				day: dayBefore(0),
				language: "fr",
				answer: ids.password,
				helpful: 1,
				notHelpful: 2,
				reasons: { unclear: 1, outdated: 1 },
				comments: ["premier du jour", "dernier du jour"],
			},
			{
				day: dayBefore(5),
				language: "fr",
				answer: ids.password,
				helpful: 0,
				notHelpful: 1,
				reasons: { unclear: 1 },
				comments: ["plus ancien"],
			},
			{ day: dayBefore(0), language: "fr", answer: ids.invoice, helpful: 0, notHelpful: 3, reasons: { incomplete: 3 } },
			{ day: dayBefore(0), language: "fr", answer: ids.price, helpful: 3, notHelpful: 0 },
			{
				day: dayBefore(1),
				language: "fr",
				answer: ids.price,
				helpful: 0,
				notHelpful: 0,
				comments: Array.from({ length: 25 }, (_, index) => `n${index + 1}`),
			},
			{ day: dayBefore(40), language: "fr", answer: ids.price, helpful: 0, notHelpful: 10 },
			{ day: dayBefore(0), language: "fr", answer: "gone0000000000000000000", helpful: 0, notHelpful: 5 },
			{ day: dayBefore(0), language: "en", answer: ids.password, helpful: 0, notHelpful: 4, reasons: { "not-my-question": 4 } },
			{ day: dayBefore(0), language: "en", answer: ids.invoice, helpful: 1, notHelpful: 1 },
		],
	});
});
let work: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), "aide-translations-"));
});
afterAll(async () => {
	await cms?.stop();
	rmSync(work, { recursive: true, force: true });
});

describe("the insights report", () => {
	it("lists the default locale's failed searches, most frequent first, over the last 30 days", async () => {
		const { status, body } = await report("");
		expect(status).toBe(200);
		expect(body.locale).toBe("fr");
		expect(body.days).toBe(30);
		expect(body.failedSearches).toEqual([
			{ query: "remboursement", count: 6, searches: 7, opened: 1 },
			{ query: "facture", count: 5, searches: 5, opened: 0 },
		]);
	});

	it("lists the answers that did not help first, by votes then share of no, with reasons and the latest comments", async () => {
		const { body } = await report("?locale=fr&days=30");
		expect(body.feedback).toEqual([
			{
				documentId: ids.invoice,
				question: "Facture, reçu : où les trouver ?",
				helpful: 0,
				notHelpful: 3,
				reasons: { incomplete: 3 },
				comments: [],
			},
			{
				documentId: ids.password,
				question: "Comment changer mon mot de passe ?",
				helpful: 1,
				notHelpful: 3,
				reasons: { unclear: 2, outdated: 1 },
				comments: ["dernier du jour", "premier du jour", "plus ancien"],
			},
			{
				documentId: ids.price,
				question: "Combien coûte l'abonnement ?",
				helpful: 3,
				notHelpful: 0,
				reasons: {},
				comments: Array.from({ length: 20 }, (_, index) => `n${25 - index}`),
			},
		]);
	});

	it("covers only the period asked for", async () => {
		const { body } = await report("?days=3");
		expect(body.days).toBe(3);
		expect(body.failedSearches).toEqual([
			{ query: "facture", count: 3, searches: 3, opened: 0 },
			{ query: "remboursement", count: 1, searches: 2, opened: 1 },
		]);
		expect(body.feedback.find((answer: { documentId: string }) => answer.documentId === ids.password)).toMatchObject({ notHelpful: 2 });
		const year = await report("?days=365");
		expect(year.body.failedSearches[0]).toEqual({ query: "ancien", count: 9, searches: 9, opened: 0 });
	});

	it("reads another locale's aggregates, with the questions in that locale or else the default one's", async () => {
		const { body } = await report("?locale=en");
		expect(body.locale).toBe("en");
		expect(body.failedSearches).toEqual([{ query: "invoice", count: 7, searches: 7, opened: 0 }]);
		expect(body.feedback).toEqual([
			{
				documentId: ids.password,
				question: "How do I change my password?",
				helpful: 0,
				notHelpful: 4,
				reasons: { "not-my-question": 4 },
				comments: [],
			},
			{ documentId: ids.invoice, question: "Facture, reçu : où les trouver ?", helpful: 1, notHelpful: 1, reasons: {}, comments: [] },
		]);
	});

	it("lists the missing translations and those published before their source's last publication", async () => {
		const expected = [
			{ documentId: ids.invoice, question: "Facture, reçu : où les trouver ?", locale: "en", state: "missing" },
			{ documentId: ids.password, question: "How do I change my password?", locale: "en", state: "outdated" },
		];
		expect((await report("")).body.translations).toEqual(expected);
		expect((await report("?locale=en")).body.translations).toEqual(expected);
	});

	it("refuses parameters it cannot read, saying which and what to send", async () => {
		const cases: Array<[string, string]> = [
			["?locale=de", 'The locale "de" is not one of this help center\'s locales (fr, en). Ask for one of them, as in ?locale=fr.'],
			["?locale=fr&locale=en", 'Give locale once, as in ?locale=fr; it was given ["fr","en"].'],
			["?days=0", 'days must be a whole number of days from 1 to 3650 (it was "0"): ?days=30 reports the last 30 days, today included.'],
			[
				"?days=3651",
				'days must be a whole number of days from 1 to 3650 (it was "3651"): ?days=30 reports the last 30 days, today included.',
			],
			[
				"?days=1.5",
				'days must be a whole number of days from 1 to 3650 (it was "1.5"): ?days=30 reports the last 30 days, today included.',
			],
			["?days=-2", 'days must be a whole number of days from 1 to 3650 (it was "-2"): ?days=30 reports the last 30 days, today included.'],
		];
		for (const [query, message] of cases) {
			const { status, body } = await report(query);
			expect({ query, status, body }).toEqual({ query, status: 400, body: { error: { status: 400, name: "ValidationError", message } } });
		}
	});
});

describe("who may read the report", () => {
	it("the Support editor role and the import token", async () => {
		expect((await report("", editor)).status).toBe(200);
		expect((await report("", cms.importToken())).status).toBe(200);
	});

	it("not an admin who may not read FAQ entries, nor the site token, nor anyone signed out", async () => {
		const categoriesOnly = await signedInAdmin(cms, "categories@aide.test", {
			name: "Categories only",
			permissions: [contentPermission("read", "api::category.category")],
		});
		expect((await report("", categoriesOnly)).status).toBe(403);
		expect((await report("", cms.siteToken())).status).toBe(401);
		expect((await request(`${cms.url}/aide/insights`)).status).toBe(401);
	});

	it("not a role limited to the entries it created, nor in a locale its role leaves out", async () => {
		const author = await signedInAdmin(cms, "author-report@aide.test", {
			name: "Own entries, reading the report",
			permissions: [contentPermission("read", ENTRY_UID, { conditions: ["admin::is-creator"] })],
		});
		expect(await report("", author)).toMatchObject({
			status: 403,
			body: {
				error: {
					status: 403,
					name: "ForbiddenError",
					message:
						"Your role may read only some FAQ entries (those it created, for one), and the insights report shows reader feedback on every entry. Ask an administrator for read access to all FAQ entries (no condition), as the Support editor role has.",
				},
			},
		});
		const english = await signedInAdmin(cms, "english-report@aide.test", {
			name: "English only, reading the report",
			permissions: [contentPermission("read", ENTRY_UID, { locales: ["en"] })],
		});
		expect((await report("?locale=en", english)).status).toBe(200);
		const french = await report("?locale=fr", english);
		expect(french.status).toBe(403);
		expect(french.body.error.message).toBe(
			"Your role may not read the fr FAQ entries, so it may not read their insights. Ask for a locale it may read (?locale=en: en), or ask an administrator to give your role the fr locale.",
		);
	});
});

describe("adding a failed query as a keyword", () => {
	const draftKeywords = async (documentId: string, locale: string) =>
		(await request(`${cms.url}/content-manager/collection-types/${ENTRY_UID}/${documentId}?locale=${locale}`, { token: admin })).body.data
			.keywords;

	it("adds it to the draft's keywords, comma-separated, and publishes nothing", async () => {
		const first = await addKeyword({ documentId: ids.password, locale: "fr", keyword: "mdp  oublié" });
		expect(first).toMatchObject({ status: 200, body: { documentId: ids.password, locale: "fr", keywords: "mdp oublié", added: true } });
		const second = await addKeyword({ documentId: ids.password, locale: "fr", keyword: "identifiants" });
		expect(second.body).toEqual({ documentId: ids.password, locale: "fr", keywords: "mdp oublié, identifiants", added: true });
		expect(await draftKeywords(ids.password, "fr")).toBe("mdp oublié, identifiants");
		expect(await draftKeywords(ids.password, "en")).toBeNull();
		const published = await request(`${cms.url}/api/faq-entries/${ids.password}?locale=fr`, { token: cms.siteToken() });
		expect(published.body.data.keywords).toBeNull();
	});

	it("does not add a keyword twice, whatever its case and spaces", async () => {
		const again = await addKeyword({ documentId: ids.password, locale: "fr", keyword: " MDP oublié " });
		expect(again).toMatchObject({ status: 200, body: { keywords: "mdp oublié, identifiants", added: false } });
	});

	it("refuses a keyword the field cannot hold, saying how long it would be", async () => {
		const full = "x".repeat(990);
		await createEntryDraft(
			cms.url,
			admin,
			{ question: "Combien coûte l'abonnement ?", slug: "prix", answer: "Brouillon.", keywords: full } as never,
			"fr",
			ids.price,
		);
		const { status, body } = await addKeyword({ documentId: ids.price, locale: "fr", keyword: "tarif annuel" });
		expect(status).toBe(422);
		expect(body.error.message).toBe(
			`Adding "tarif annuel" would make the fr keywords of FAQ entry "${ids.price}" 1004 characters long; the field holds at most 1000. Remove keywords that no longer help in the content manager, then add it again.`,
		);
		expect(await draftKeywords(ids.price, "fr")).toBe(full);
		expect((await addKeyword({ documentId: ids.price, locale: "fr", keyword: "tarif" })).body.keywords).toBe(`${full}, tarif`);
	});

	it("answers 404 naming the entry and the locale when there is nothing to add to", async () => {
		const noEnglish = await addKeyword({ documentId: ids.invoice, locale: "en", keyword: "invoice" });
		expect(noEnglish.status).toBe(404);
		expect(noEnglish.body.error.message).toBe(
			`FAQ entry "${ids.invoice}" has no en version to add the keyword to. Create its en translation in the content manager first, or add the keyword in a locale it has.`,
		);
		const unknown = await addKeyword({ documentId: "nosuchentry0000000000000", locale: "fr", keyword: "x" });
		expect(unknown.status).toBe(404);
		expect(unknown.body.error.message).toBe(
			'There is no FAQ entry with documentId "nosuchentry0000000000000". Take the documentId from the insights report or the content manager.',
		);
	});

	it("refuses malformed requests", async () => {
		const cases: Array<[unknown, string]> = [
			[
				{ documentId: ids.password, locale: "fr" },
				'The request needs keyword as a non-empty string, as in {"documentId": "…", "locale": "fr", "keyword": "mot de passe"}.',
			],
			[{ documentId: ids.password, locale: "de", keyword: "x" }, 'The locale "de" is not one of this help center\'s locales (fr, en).'],
			[
				{ documentId: ids.password, locale: "fr", keyword: "a, b" },
				'The keyword "a, b" holds a comma, which separates keywords: add its parts one at a time.',
			],
			[
				{ documentId: ids.password, locale: "fr", keyword: "a --> b" },
				'The keyword "a --> b" holds "-->", which keywords may not hold: leave it out.',
			],
			[["x"], 'Send a JSON object: {"documentId": "…", "locale": "fr", "keyword": "mot de passe"}.'],
		];
		for (const [body, message] of cases) {
			const response = await addKeyword(body);
			expect({ body, status: response.status, message: response.body.error?.message }).toEqual({ body, status: 400, message });
		}
	});

	it("is refused to admins who may only read entries, and to the site token", async () => {
		const reader = await signedInAdmin(cms, "reader@aide.test", {
			name: "Entries read only",
			permissions: [contentPermission("read", ENTRY_UID)],
		});
		expect((await report("", reader)).status).toBe(200);
		expect((await addKeyword({ documentId: ids.password, locale: "fr", keyword: "lecteur" }, reader)).status).toBe(403);
		expect((await addKeyword({ documentId: ids.password, locale: "fr", keyword: "lecteur" }, cms.siteToken())).status).toBe(401);
		expect(await draftKeywords(ids.password, "fr")).toBe("mdp oublié, identifiants");
	});

	it("is refused on an entry its creator condition leaves out, and added to the caller's own", async () => {
		const author = await signedInAdmin(cms, "author@aide.test", {
			name: "Own entries",
			permissions: [
				contentPermission("create", ENTRY_UID),
				...["read", "update", "delete"].map((action) => contentPermission(action, ENTRY_UID, { conditions: ["admin::is-creator"] })),
			],
		});
		const others = await addKeyword({ documentId: ids.password, locale: "fr", keyword: "auteur" }, author);
		expect(others).toMatchObject({
			status: 403,
			body: {
				error: {
					status: 403,
					name: "ForbiddenError",
					message: `Your role may not edit the fr version of FAQ entry "${ids.password}" (its permissions leave out that locale, or entries other people created), so it may not add keywords to it. Ask an editor who may, or an administrator.`,
				},
			},
		});
		expect(await draftKeywords(ids.password, "fr")).toBe("mdp oublié, identifiants");

		const own = await createEntryDraft(cms.url, author, { question: "Où sont mes reçus ?", slug: "mes-recus", answer: "Dans le compte." });
		expect(own.status).toBe(201);
		try {
			const added = await addKeyword({ documentId: own.documentId, locale: "fr", keyword: "auteur" }, author);
			expect(added).toMatchObject({ status: 200, body: { keywords: "auteur", added: true } });
		} finally {
			// The worklist of "npm run translations" below lists every entry: this one must not stay.
			const deleted = await request(`${cms.url}/content-manager/collection-types/${ENTRY_UID}/${own.documentId}?locale=*`, {
				token: admin,
				method: "DELETE",
			});
			expect(deleted.status).toBe(200);
		}
	});

	it("is refused in a locale the caller's role leaves out, and added in one it has", async () => {
		const english = await signedInAdmin(cms, "english@aide.test", {
			name: "English only",
			permissions: ["read", "update"].map((action) => contentPermission(action, ENTRY_UID, { locales: ["en"] })),
		});
		const french = await addKeyword({ documentId: ids.price, locale: "fr", keyword: "tarifs" }, english);
		expect(french.status).toBe(403);
		expect(french.body.error.message).toBe(
			`Your role may not edit the fr version of FAQ entry "${ids.price}" (its permissions leave out that locale, or entries other people created), so it may not add keywords to it. Ask an editor who may, or an administrator.`,
		);
		const added = await addKeyword({ documentId: ids.price, locale: "en", keyword: "pricing" }, english);
		expect(added).toMatchObject({ status: 200, body: { documentId: ids.price, locale: "en", keywords: "pricing", added: true } });
		expect(await draftKeywords(ids.price, "en")).toBe("pricing");
	});

	it("is refused to a role whose update permission leaves out the keywords field", async () => {
		const writer = await signedInAdmin(cms, "writer@aide.test", {
			name: "Questions and answers only",
			permissions: [contentPermission("read", ENTRY_UID), contentPermission("update", ENTRY_UID, { fields: ["question", "answer"] })],
		});
		const refused = await addKeyword({ documentId: ids.password, locale: "fr", keyword: "rédacteur" }, writer);
		expect(refused.status).toBe(403);
		expect(refused.body.error.message).toBe(
			`Your role may edit the fr version of FAQ entry "${ids.password}" but not its keywords field. Ask an editor who may, or an administrator to add the keywords field to your role's update permission.`,
		);
		expect(await draftKeywords(ids.password, "fr")).toBe("mdp oublié, identifiants");
	});
});

describe("npm run translations", () => {
	const run = (args: string[], env: Record<string, string> = {}) =>
		runImportCli(["translations", ...args], work, { CMS_URL: cms.url, CMS_WRITE_TOKEN: cms.importToken(), ...env });
	const edit = (documentId: string) =>
		`${cms.url}/admin/content-manager/collection-types/${ENTRY_UID}/${documentId}?plugins[i18n][locale]=en`;
	const expected = () =>
		[
			"locale,state,documentId,question,editUrl",
			`en,missing,${ids.invoice},"Facture, reçu : où les trouver ?",${edit(ids.invoice)}`,
			`en,outdated,${ids.password},How do I change my password?,${edit(ids.password)}`,
			"",
		].join("\n");

	it("prints the worklist as CSV", async () => {
		const result = await run([]);
		expect(result).toMatchObject({ code: 0, err: "" });
		expect(result.out).toBe(expected());
		expect((await run(["--locale", "en"])).out).toBe(expected());
	});

	it("writes it to a file with --out", async () => {
		const result = await run(["--out", "worklist.csv"]);
		expect(result).toMatchObject({ code: 0, err: "", out: "Wrote 2 rows to worklist.csv.\n" });
		expect(readFileSync(join(work, "worklist.csv"), "utf8")).toBe(expected());
	});

	it("says what to do when the CMS is down, the token missing or refused, or the locale unknown", async () => {
		const down = `http://127.0.0.1:${await freePort()}`;
		const unreachable = await run([], { CMS_URL: down });
		expect(unreachable.code).toBe(1);
		expect(unreachable.err).toBe(
			`error: Cannot reach the CMS at ${down} (ECONNREFUSED). Start it with \`npm run cms\`, or set CMS_URL to where it runs.\n`,
		);

		const noToken = await run([], { CMS_WRITE_TOKEN: "", AIDE_DATA_DIR: work });
		expect(noToken.code).toBe(1);
		expect(noToken.err).toBe(
			`error: No CMS_WRITE_TOKEN set, and ${join(work, "import-token")} does not exist. Start the local CMS once (\`npm run cms\`) to create it, or set CMS_WRITE_TOKEN.\n`,
		);

		const siteToken = await run([], { CMS_WRITE_TOKEN: cms.siteToken() });
		expect(siteToken.code).toBe(1);
		expect(siteToken.err).toContain("refused the token (401 Unauthorized): it is not an admin API token.");

		const german = await run(["--locale", "de"]);
		expect(german.code).toBe(1);
		expect(german.err).toContain('The locale "de" is not one of this help center\'s locales (fr, en).');
		expect(german.out).toBe("");
	});
});
