// The client against a real HTTP server on 127.0.0.1 that plays the CMS, including its faults.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CmsError, fetchAll, fetchSiteContent, validateDocuments } from "../src/index.ts";

let server: Server | undefined;
afterEach(async () => {
	await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	server = undefined;
});

/** Serves `handler` on a free loopback port and returns the base URL. */
async function serve(handler: (request: IncomingMessage, response: ServerResponse, url: URL) => void): Promise<string> {
	const created = createServer((request, response) => handler(request, response, new URL(request.url ?? "/", "http://localhost")));
	server = created;
	await new Promise<void>((resolve) => created.listen({ host: "127.0.0.1", port: 0 }, resolve));
	return `http://127.0.0.1:${(created.address() as AddressInfo).port}`;
}

const entry = (n: number, locale = "fr") => ({
	id: n,
	documentId: `doc${n}`,
	locale,
	updatedAt: "2026-11-01T00:00:00.000Z",
	publishedAt: "2026-11-01T00:00:00.000Z",
	question: `Question ${n} ?`,
	slug: `question-${n}`,
	answer: `Answer ${n}.`,
	summary: null,
	keywords: null,
	anchor: `q${n}`,
	order: n,
	category: null,
	related: [],
});

/** A paging CMS over `total` entries; `fault(page, attempt)` may answer instead. */
function pagingCms(total: number, fault?: (page: number, attempt: number, response: ServerResponse) => boolean) {
	const attempts = new Map<number, number>();
	return (_request: IncomingMessage, response: ServerResponse, url: URL) => {
		const page = Number(url.searchParams.get("pagination[page]"));
		const size = Number(url.searchParams.get("pagination[pageSize]"));
		const attempt = (attempts.get(page) ?? 0) + 1;
		attempts.set(page, attempt);
		if (fault?.(page, attempt, response)) return;
		const data = Array.from({ length: total }, (_, index) => entry(index + 1)).slice((page - 1) * size, page * size);
		response.setHeader("content-type", "application/json");
		response.end(JSON.stringify({ data, meta: { pagination: { page, pageSize: size, pageCount: Math.ceil(total / size), total } } }));
	};
}

const options = (url: string) => ({ url, token: "t", pageSize: 10, timeoutMs: 500, retries: 3, minRetryDelayMs: 5 });

async function failure(promise: Promise<unknown>): Promise<CmsError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(CmsError);
		return error as CmsError;
	}
	throw new Error("expected a CmsError");
}

describe("fetchAll", () => {
	it("pages through the whole collection, with the locale and the token", async () => {
		const seen: string[] = [];
		const url = await serve((request, response, target) => {
			seen.push(`${request.headers.authorization} ${target.searchParams.get("locale")}`);
			pagingCms(25)(request, response, target);
		});
		const documents = await fetchAll(options(url), "faq-entries", "fr");
		expect(documents).toHaveLength(25);
		expect(seen).toEqual(["Bearer t fr", "Bearer t fr", "Bearer t fr"]);
	});

	it("shows each page's documents as it arrives", async () => {
		const url = await serve(pagingCms(25));
		const pages: number[] = [];
		const documents = await fetchAll(options(url), "faq-entries", "fr", {}, (page) => pages.push(page.length));
		expect(pages.sort((a, b) => b - a)).toEqual([10, 10, 5]);
		expect(documents).toHaveLength(25);
	});

	it("retries a 500 on page 3, then goes on", async () => {
		const retries: string[] = [];
		const url = await serve(
			pagingCms(25, (page, attempt, response) => {
				if (page !== 3 || attempt > 2) return false;
				response.statusCode = 500;
				response.end();
				return true;
			}),
		);
		const documents = await fetchAll({ ...options(url), onRetry: (message) => retries.push(message) }, "faq-entries", "fr");
		expect(documents).toHaveLength(25);
		expect(retries).toHaveLength(2);
		expect(retries[0]).toMatch(/pagination%5Bpage%5D=3.* failed \(HTTP 500\); retrying\./);
	});

	it("gives up on a page that keeps failing, naming the host and the request", async () => {
		const url = await serve(
			pagingCms(25, (page, _attempt, response) => {
				if (page !== 3) return false;
				response.statusCode = 503;
				response.end();
				return true;
			}),
		);
		const error = await failure(fetchAll(options(url), "faq-entries", "fr"));
		const host = new URL(url).host;
		expect(error.message).toMatch(
			new RegExp(
				`^Cannot read the CMS at ${host}: GET /api/faq-entries\\?locale=fr&pagination%5Bpage%5D=3.* failed 4 times \\(last: HTTP 503\\)\\. Check that the CMS runs`,
			),
		);
	});

	it("times out a request that never gets an answer, and retries it", async () => {
		let requests = 0;
		const url = await serve(() => {
			requests++;
		});
		const error = await failure(fetchAll({ ...options(url), timeoutMs: 100, retries: 1 }, "faq-entries", "fr"));
		expect(error.message).toContain("failed 2 times (last: no answer within 0.1 s)");
		expect(requests).toBe(2);
	});

	it("does not retry a refused token", async () => {
		let requests = 0;
		const url = await serve((_request, response) => {
			requests++;
			response.statusCode = 401;
			response.end("{}");
		});
		const error = await failure(fetchAll(options(url), "faq-entries", "fr"));
		expect(requests).toBe(1);
		expect(error.status).toBe(401);
		expect(error.message).toContain(`The CMS at ${new URL(url).host} refused the token (401)`);
	});

	it("fails when the documents do not add up to the announced total", async () => {
		const url = await serve((_request, response) => {
			response.end(JSON.stringify({ data: [entry(1)], meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 2 } } }));
		});
		expect((await failure(fetchAll(options(url), "faq-entries", "fr"))).message).toContain("announced 2 faq-entries (fr) but sent 1");
	});

	it("names the host when nothing listens there", async () => {
		const url = await serve(() => {});
		await new Promise<void>((resolve) => server?.close(() => resolve()));
		server = undefined;
		const error = await failure(fetchAll({ ...options(url), retries: 0 }, "faq-entries", "fr"));
		expect(error.message).toBe(
			`Cannot read the CMS at ${new URL(url).host}: GET /api/faq-entries?locale=fr&pagination%5Bpage%5D=1&pagination%5BpageSize%5D=10 failed 1 time (last: ECONNREFUSED). Check that the CMS runs and that CMS_URL points at it.`,
		);
	});
});

describe("validateDocuments", () => {
	it("names the entry, the locale and the field of a malformed document", () => {
		expect(() => validateDocuments("faq-entry", "en", [entry(1, "en"), { ...entry(2, "en"), question: "" }])).toThrowError(
			"FAQ entry doc2 (en) has an invalid question: must not be empty. Fix it in the CMS, then build again.",
		);
		expect(() => validateDocuments("faq-entry", "en", [{ ...entry(3, "en"), order: "first" }])).toThrowError(
			/^FAQ entry doc3 "Question 3 \?" \(en\) has an invalid order/,
		);
	});

	it("quotes the first 60 characters of a long question, on one line, and a category's name", () => {
		const question = `Comment  changer\nmon mot de passe quand ${"très ".repeat(20)}longtemps ?`;
		expect(() => validateDocuments("faq-entry", "fr", [{ ...entry(5), question, order: "first" }])).toThrowError(
			`FAQ entry doc5 ${JSON.stringify(`${question.replace(/\s+/g, " ").slice(0, 60)}…`)} (fr) has an invalid order`,
		);
		const category = {
			id: 1,
			documentId: "cat1",
			locale: "en",
			updatedAt: "2026-11-01T00:00:00.000Z",
			name: "Accounts",
			slug: "../up",
			description: null,
			order: 0,
		};
		expect(() => validateDocuments("category", "en", [category])).toThrowError(/^Category cat1 "Accounts" \(en\) has an invalid slug/);
	});

	it("refuses a slug or an anchor that would name a folder or a path, quoting it", () => {
		for (const [field, value] of [
			["slug", ".."],
			["slug", "."],
			["slug", "a/b"],
			["slug", "%2e%2e"],
			["anchor", "../x"],
		] as const) {
			let message = "";
			try {
				validateDocuments("faq-entry", "en", [{ ...entry(4, "en"), [field]: value }]);
			} catch (error) {
				message = (error as Error).message;
			}
			// The rule's own words come from the content model (its regex), or from the uid rule without one.
			expect(
				message.startsWith(`FAQ entry doc4 "Question 4 ?" (en) has an invalid ${field} (it is ${JSON.stringify(value)}): must `),
				message,
			).toBe(true);
			expect(message.endsWith(". Fix it in the CMS, then build again."), message).toBe(true);
		}
	});
});

describe("fetchSiteContent", () => {
	it("refuses two entries with one slug in one locale", async () => {
		const url = await serve((_request, response, target) => {
			const plural = target.pathname.split("/").pop();
			const data = plural === "faq-entries" ? [entry(1), { ...entry(2), slug: "question-1" }] : [];
			response.end(JSON.stringify({ data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } }));
		});
		expect((await failure(fetchSiteContent(options(url)))).message).toBe(
			'Two faq-entries in fr, doc1 "Question 1 ?" and doc2 "Question 2 ?", share the slug "question-1": their pages would collide. Change one slug in the CMS.',
		);
	});

	it("refuses two entries with one anchor in one locale, an empty anchor standing for the slug", async () => {
		const url = await serve((_request, response, target) => {
			const plural = target.pathname.split("/").pop();
			const data =
				plural === "faq-entries"
					? [
							{ ...entry(1), anchor: null },
							{ ...entry(2), anchor: "question-1" },
						]
					: [];
			response.end(JSON.stringify({ data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } }));
		});
		expect((await failure(fetchSiteContent(options(url)))).message).toBe(
			'Two faq-entries in fr, doc1 "Question 1 ?" and doc2 "Question 2 ?", share the anchor "question-1": their links would collide. Change one anchor in the CMS.',
		);
	});
});
