// POST /aide/events on the public site of `npm start` (a real site service, built from a synthetic
// snapshot) and what reaches the CMS's record route: here a real HTTP server the test controls, so
// that it can see every batch and be stopped or made to fail. The real CMS's route is tested with the
// sink in insights-cms.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InsightBatch } from "@aide/cms-contract";
import { removeSite } from "@aide/site-build";
import { writeSyntheticSnapshot } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SiteService } from "../src/server/site-service.ts";
import { event, type FakeCms, post, startFakeCms } from "./support/insights.ts";
import { buildEnvOf, startBuiltSiteService, until as untilLogged } from "./support/site-service.ts";

const work = mkdtempSync(join(tmpdir(), "aide-insights-"));
const tokenFile = join(work, "insights-token");
const logs: string[] = [];
const SITE_ORIGIN = "https://help.example.org";
/** Keys and comments the buffer holds at most, small enough to fill in a test. */
const BUFFER = 40;
let cms: FakeCms;
let service: SiteService;
let eventsUrl: string;

const until = (check: () => boolean | Promise<boolean>, what: string) => untilLogged(async () => check(), what, logs, 20_000);
const today = () => new Date().toISOString().slice(0, 10);
const search = (query: string, results = 0, locale = "en") => event({ type: "search", locale, query, results });
/** Everything the CMS received, as one batch. */
const received = (): InsightBatch => ({
	searches: cms.received.flatMap(({ batch }) => batch.searches),
	feedback: cms.received.flatMap(({ batch }) => batch.feedback),
});

beforeAll(async () => {
	cms = await startFakeCms();
	writeFileSync(tokenFile, "first-token\n");
	const snapshot = join(work, "snapshot.json");
	writeSyntheticSnapshot(snapshot, 3);
	service = await startBuiltSiteService({
		dist: join(work, "dist"),
		webhookSecret: "w".repeat(32),
		previewSecret: "p".repeat(32),
		cmsOrigin: "http://127.0.0.1:1",
		buildEnv: buildEnvOf({ AIDE_SNAPSHOT: snapshot }),
		logs,
		insights: {
			cmsUrl: cms.url,
			tokenFile,
			flushSeconds: 1,
			siteOrigin: SITE_ORIGIN,
			maxBuffered: BUFFER,
			rateLimit: { burst: 30, perSecond: 1, maxClients: 1_000 },
		},
	});
	eventsUrl = `${service.publicUrl}/aide/events`;
}, 120_000);

afterAll(async () => {
	await service?.close();
	await cms?.stop();
	removeSite(join(work, "dist"));
	rmSync(work, { recursive: true, force: true });
});

describe("POST /aide/events refuses", () => {
	// Each case from an address of its own, so that the rate limit plays no part.
	it.each([
		["another method", () => post(eventsUrl, "", {}, "127.0.1.1", "GET"), 405, "Send events with POST."],
		[
			"a page of another site",
			() => post(eventsUrl, search("a"), { origin: "https://evil.example" }, "127.0.1.2"),
			403,
			"Events are taken from the site's own pages only.",
		],
		[
			"an opaque origin",
			() => post(eventsUrl, search("a"), { origin: "null" }, "127.0.1.3"),
			403,
			"Events are taken from the site's own pages only.",
		],
		[
			"a cross-site fetch",
			() => post(eventsUrl, search("a"), { "sec-fetch-site": "cross-site" }, "127.0.1.4"),
			403,
			"Events are taken from the site's own pages only.",
		],
		["a body over 2 KiB", () => post(eventsUrl, search("a".repeat(3_000)), {}, "127.0.1.5"), 413, "The event is larger than 2048 bytes."],
		[
			"a body over 2 KiB sent in chunks, without a length",
			() => post(eventsUrl, search("a".repeat(3_000)), { "transfer-encoding": "chunked" }, "127.0.1.6"),
			413,
			"The event is larger than 2048 bytes.",
		],
		["a body that is not JSON", () => post(eventsUrl, "{type: search", {}, "127.0.1.7"), 400, "The body is not JSON."],
		[
			"another content type",
			() => post(eventsUrl, search("a"), { "content-type": "text/html" }, "127.0.1.8"),
			415,
			"Send the event as JSON (Content-Type: application/json).",
		],
		[
			"a field the schema does not have",
			() => post(eventsUrl, event({ type: "search", locale: "en", query: "a", results: 1, ip: "1.2.3.4" }), {}, "127.0.1.9"),
			400,
			'The event does not match the schema: the event: Unrecognized key: "ip".',
		],
		[
			"a locale the site does not have",
			() => post(eventsUrl, search("a", 1, "xx"), {}, "127.0.1.10"),
			400,
			"The event does not match the schema: locale: must be one of this site's locales (fr, en).",
		],
		[
			"a query longer than any search",
			() => post(eventsUrl, search("a".repeat(600)), {}, "127.0.1.11"),
			400,
			"The event does not match the schema: query: Too big: expected string to have <=500 characters.",
		],
		[
			"reasons with a yes",
			() =>
				post(
					eventsUrl,
					event({ type: "feedback", locale: "fr", documentId: "abc1", helpful: true, reasons: ["unclear"] }),
					{},
					"127.0.1.12",
				),
			400,
			"The event does not match the schema: reasons and comment come with helpful: false only.",
		],
		[
			"a reason that is not one",
			() =>
				post(
					eventsUrl,
					event({ type: "feedback", locale: "fr", documentId: "abc1", helpful: false, reasons: ["boring"] }),
					{},
					"127.0.1.13",
				),
			400,
			'The event does not match the schema: reasons.0: Invalid option: expected one of "unclear"|"incomplete"|"not-my-question"|"outdated".',
		],
	])("%s", async (_what, send, status, error) => {
		const answer = await send();
		expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({ status, body: { error } });
		expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
		if (status === 405) expect(answer.headers.allow).toBe("POST, OPTIONS");
		// No page may read a refusal of its origin, nor an answer to a request without one.
		expect(Object.keys(answer.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
	});

	it("throttles a flood from one address with 429 and Retry-After, while another address is still taken", async () => {
		const statuses: number[] = [];
		let throttled: Awaited<ReturnType<typeof post>> | undefined;
		for (let n = 0; n < 40; n++) {
			const answer = await post(eventsUrl, search(`flood ${n}`, 3), {}, "127.0.2.1");
			statuses.push(answer.status);
			if (answer.status === 429) throttled = answer;
		}
		expect(statuses.filter((status) => status === 204)).toHaveLength(30);
		expect(statuses.slice(30)).toEqual(Array(10).fill(429));
		expect(throttled?.headers["retry-after"]).toBe("1");
		expect(JSON.parse(throttled?.text ?? "{}")).toEqual({ error: "Too many events from this address; try again in 1 s." });
		// Another X-Forwarded-For is no other reader: there is no proxy in front of this site.
		expect((await post(eventsUrl, search("forged"), { "x-forwarded-for": "203.0.113.9" }, "127.0.2.1")).status).toBe(429);
		expect((await post(eventsUrl, search("another reader"), {}, "127.0.2.2")).status).toBe(204);
		// The site itself is not throttled.
		expect((await fetch(`${service.publicUrl}/en/`)).status).toBe(200);
	});
});

describe("from the site served elsewhere (SITE_URL on a static host, AIDE_INSIGHTS_URL here)", () => {
	const cors = (answer: Awaited<ReturnType<typeof post>>) =>
		Object.fromEntries(Object.entries(answer.headers).filter(([name]) => name.startsWith("access-control-") || name === "vary"));
	/** What a browser sends before a JSON POST to another origin. */
	const preflight = (origin: string, from: string) =>
		post(
			eventsUrl,
			"",
			{ origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
			from,
			"OPTIONS",
		);

	it("answers the CORS preflight of SITE_URL's pages, and of the host's own, without credentials", async () => {
		expect(new URL(service.publicUrl).origin).not.toBe(SITE_ORIGIN);
		const host = `http://${new URL(service.publicUrl).host}`;
		for (const [origin, from] of [
			[SITE_ORIGIN, "127.0.7.1"],
			[host, "127.0.7.2"],
		] as const) {
			const answer = await preflight(origin, from);
			expect({ status: answer.status, cors: cors(answer), body: answer.text }).toEqual({
				status: 204,
				cors: {
					"access-control-allow-origin": origin,
					"access-control-allow-methods": "POST",
					"access-control-allow-headers": "content-type",
					"access-control-max-age": "86400",
					vary: "Origin",
				},
				body: "",
			});
		}
	});

	it("refuses the preflight of another site with 403 and no CORS headers", async () => {
		for (const [origin, from] of [
			["https://evil.example", "127.0.7.3"],
			["https://help.example.org.evil.example", "127.0.7.4"],
			["null", "127.0.7.5"],
		] as const) {
			const answer = await preflight(origin, from);
			expect({ status: answer.status, cors: cors(answer), body: JSON.parse(answer.text) }).toEqual({
				status: 403,
				cors: {},
				body: { error: "Events are taken from the site's own pages only." },
			});
		}
	});

	it("takes the cross-site POST of SITE_URL's pages, and lets them read its answers; refuses another site's", async () => {
		const crossSite = { "sec-fetch-site": "cross-site" };
		const taken = await post(eventsUrl, search("from the static host"), { origin: SITE_ORIGIN, ...crossSite }, "127.0.7.6");
		expect({ status: taken.status, cors: cors(taken) }).toEqual({
			status: 204,
			cors: { "access-control-allow-origin": SITE_ORIGIN, vary: "Origin" },
		});
		const wrong = await post(eventsUrl, "{type: search", { origin: SITE_ORIGIN, ...crossSite }, "127.0.7.6");
		expect({ status: wrong.status, cors: cors(wrong) }).toEqual({
			status: 400,
			cors: { "access-control-allow-origin": SITE_ORIGIN, vary: "Origin" },
		});
		const foreign = await post(eventsUrl, search("elsewhere"), { origin: "https://evil.example", ...crossSite }, "127.0.7.7");
		expect({ status: foreign.status, cors: cors(foreign) }).toEqual({ status: 403, cors: {} });
		await until(() => received().searches.some((counts) => counts.query === "from the static host"), "the search reaches the CMS");
		expect(received().searches.some((counts) => counts.query === "elsewhere")).toBe(false);
	});
});

describe("what reaches the CMS", () => {
	it("is the day's counts per locale and query, and per answer, with the insights token: never a personal query", async () => {
		cms.received.length = 0;
		const from = "127.0.3.1";
		const accepted = [
			search("  Mot de PASSE  oublié ", 0, "fr"),
			search("mot de passe oublié", 2, "fr"),
			event({ type: "open", locale: "fr", query: "Mot de passe oublié", path: "/fr/faq/x/" }),
			// Sent by navigator.sendBeacon: text/plain.
			search("jean.dupont@example.org", 0),
			search("+33 6 12 34 56 78", 0),
			search("commande 1234567", 0),
			event({
				type: "feedback",
				locale: "en",
				documentId: "doc1",
				helpful: false,
				reasons: ["unclear", "unclear", "outdated"],
				comment: " Too short. ",
			}),
			event({ type: "feedback", locale: "en", documentId: "doc1", helpful: true }),
		];
		for (const [n, body] of accepted.entries()) {
			const answer = await post(eventsUrl, body, n === 3 ? { "content-type": "text/plain;charset=UTF-8" } : { origin: SITE_ORIGIN }, from);
			expect(answer.status, body).toBe(204);
		}
		// The same origin as the host the page was served from, as a browser sends it.
		const host = new URL(service.publicUrl).host;
		expect((await post(eventsUrl, search("proxy"), { origin: `http://${host}`, "sec-fetch-site": "same-origin" }, from)).status).toBe(204);
		await until(() => received().searches.some((counts) => counts.query === "proxy"), "the counts reach the CMS");
		expect(cms.received.every(({ token }) => token === "first-token")).toBe(true);
		const { searches, feedback } = received();
		expect(
			searches
				.filter((counts) => counts.query !== "another reader" && !counts.query.startsWith("flood"))
				.sort((a, b) => a.query.localeCompare(b.query)),
		).toEqual([
			{ day: today(), locale: "fr", query: "mot de passe oublié", searches: 2, noResult: 1, opened: 1 },
			{ day: today(), locale: "en", query: "proxy", searches: 1, noResult: 1, opened: 0 },
		]);
		expect(feedback).toEqual([
			{
				day: today(),
				locale: "en",
				documentId: "doc1",
				helpful: 1,
				notHelpful: 1,
				reasons: { unclear: 1, outdated: 1 },
				comments: ["Too short."],
			},
		]);
		const everything = JSON.stringify(cms.received);
		for (const personal of ["dupont", "12 34", "1234567"]) expect(everything).not.toContain(personal);
		expect(service.insights?.counts.dropped).toBe(3);
	});

	it("is nothing from a browser that sends Do Not Track or Global Privacy Control", async () => {
		cms.received.length = 0;
		for (const headers of [{ dnt: "1" }, { "sec-gpc": "1" }] as Array<Record<string, string>>) {
			const answer = await post(eventsUrl, search("tracked"), headers, "127.0.4.1");
			expect(answer.status).toBe(204);
			expect(answer.text).toBe("");
		}
		expect((await post(eventsUrl, search("counted"), {}, "127.0.4.1")).status).toBe(204);
		await until(() => received().searches.length > 0, "the counted search reaches the CMS");
		expect(received().searches.map((counts) => counts.query)).toEqual(["counted"]);
		expect(service.insights?.counts.declined).toBe(2);
	});

	it("is picked up with a rotated token at the next send", async () => {
		cms.received.length = 0;
		writeFileSync(tokenFile, "second-token\n");
		expect((await post(eventsUrl, search("rotated"), {}, "127.0.4.2")).status).toBe(204);
		await until(() => cms.received.length > 0, "the search reaches the CMS");
		expect(cms.received.map(({ token }) => token)).toEqual(["second-token"]);
	});
});

describe("while the CMS is away", () => {
	it("keeps the counts, drops what overflows the buffer and says so once, serves pages; sends all it kept once the CMS is back", async () => {
		cms.received.length = 0;
		await cms.stop();
		const overflowBefore = service.insights?.counts.overflow ?? 0;
		// 60 different queries from two readers: the buffer holds 40.
		for (let n = 0; n < 60; n++) {
			const answer = await post(eventsUrl, search(`question ${n}`, 0), {}, n < 30 ? "127.0.5.1" : "127.0.5.2");
			expect(answer.status).toBe(204);
		}
		await until(() => logs.some((line) => line.includes("cannot reach the CMS")), "a send fails");
		expect(service.insights?.counts.overflow).toBe(overflowBefore + 20);
		const full = logs.filter((line) => line.includes("the buffer is full"));
		expect(full).toEqual([
			`reader insights: the buffer is full (${BUFFER} entries) while the CMS does not take them; new events are dropped and counted until it does.`,
		]);
		const started = performance.now();
		const page = await fetch(`${service.publicUrl}/en/`);
		expect(page.status).toBe(200);
		expect(performance.now() - started).toBeLessThan(2_000);

		// A CMS that answers 500 does not take them either.
		await cms.restart();
		cms.answer = 500;
		await until(() => cms.refused > 0, "the CMS answers 500");
		expect(cms.received).toEqual([]);
		cms.answer = 204;
		await until(() => received().searches.length === BUFFER, "the kept counts reach the CMS");
		expect(new Set(received().searches.map((counts) => counts.query))).toEqual(
			new Set(Array.from({ length: BUFFER }, (_, n) => `question ${n}`)),
		);
	}, 60_000);
});

describe("on shutdown", () => {
	it("sends the last counts before the service stops, and takes no event after them", async () => {
		cms.received.length = 0;
		expect((await post(eventsUrl, search("last words"), {}, "127.0.6.1")).status).toBe(204);
		// Readers keep sending while the service stops (the last send takes a while): each event answered 204 must reach the CMS.
		cms.delayMs = 300;
		const closed = service.close();
		const taken = ["last words"];
		for (let n = 0; n < 200; n++) {
			const answer = await post(eventsUrl, search(`after ${n}`), {}, "127.0.6.2").catch(() => undefined);
			if (!answer) break;
			if (answer.status === 204) taken.push(`after ${n}`);
		}
		await closed;
		expect(
			received()
				.searches.map((counts) => counts.query)
				.sort(),
		).toEqual(taken.sort());
	});
});
