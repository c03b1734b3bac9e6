// The content API's response cache, against a real Strapi: reads repeat from memory, per token, and
// never outlive a write.
import { readFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { createEntryDraft, publishEntry, type RunningCms, request, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let cms: RunningCms;
let admin: string;
let documentId: string;
const path = "/api/faq-entries?locale=fr";

beforeAll(async () => {
	cms = await startCms();
	admin = await cms.adminToken();
	const draft = await createEntryDraft(cms.url, admin, { question: "Première version ?", slug: "version", answer: "Un." });
	documentId = draft.documentId;
	await publishEntry(cms.url, admin, documentId);
});
afterAll(async () => {
	await cms?.stop();
});

describe("the content API's response cache", () => {
	it("answers a repeated read from memory, with the same body", async () => {
		const first = await request(`${cms.url}${path}`, { token: cms.siteToken() });
		const second = await request(`${cms.url}${path}`, { token: cms.siteToken() });
		expect(first.headers.get("x-aide-cache")).toBeNull();
		expect(second.headers.get("x-aide-cache")).toBe("hit");
		expect(second.body).toEqual(first.body);
		expect(second.headers.get("content-type")).toContain("application/json");
	});

	it("sends the bytes gzipped to a client that accepts gzip (as a build's fetch does), plain to one that does not", async () => {
		const raw = (acceptEncoding?: string) =>
			new Promise<{ encoding?: string; vary?: string; bytes: Buffer }>((resolve, reject) => {
				const headers = { authorization: `Bearer ${cms.siteToken()}`, ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}) };
				get(`${cms.url}${path}`, { headers }, (response) => {
					const chunks: Buffer[] = [];
					response.on("data", (chunk: Buffer) => chunks.push(chunk));
					response.on("end", () =>
						resolve({ encoding: response.headers["content-encoding"], vary: response.headers.vary, bytes: Buffer.concat(chunks) }),
					);
				}).on("error", reject);
			});
		const plain = await raw();
		const gzipped = await raw("gzip, deflate, br");
		expect(plain.encoding).toBeUndefined();
		expect(gzipped.encoding).toBe("gzip");
		expect(gzipped.vary).toContain("Accept-Encoding");
		expect(gunzipSync(gzipped.bytes).equals(plain.bytes)).toBe(true);
		expect(JSON.parse(plain.bytes.toString()).data[0].question).toBe("Première version ?");
		// What a build's fetch sends and gets: gzip, decoded by fetch itself.
		const fetched = await request(`${cms.url}${path}`, { token: cms.siteToken() });
		expect(fetched.headers.get("content-encoding")).toBe("gzip");
	});

	it("serves one read to every spelling of the same query", async () => {
		const first = await request(`${cms.url}/api/faq-entries?locale=fr&sort=order:asc&pagination[pageSize]=7`, { token: cms.siteToken() });
		const respelled = await request(`${cms.url}/api/faq-entries?pagination%5BpageSize%5D=7&sort=order%3Aasc&locale=fr`, {
			token: cms.siteToken(),
		});
		expect(first.headers.get("x-aide-cache")).toBeNull();
		expect(respelled.headers.get("x-aide-cache")).toBe("hit");
		expect(respelled.body).toEqual(first.body);
		const other = await request(`${cms.url}/api/faq-entries?locale=en&sort=order:asc&pagination[pageSize]=7`, { token: cms.siteToken() });
		expect(other.headers.get("x-aide-cache")).toBeNull();
	});

	it("keeps each token's reads apart, and still applies the access rules first", async () => {
		const preview = readFileSync(join(cms.dataDir, "preview-token"), "utf8").trim();
		const other = await request(`${cms.url}${path}`, { token: preview });
		expect(other.headers.get("x-aide-cache")).toBeNull();
		expect((await request(`${cms.url}${path}`)).status).toBe(403);
		expect((await request(`${cms.url}${path}`, { token: "not-a-token" })).status).toBe(401);
		expect((await request(`${cms.url}${path}&status=draft`, { token: cms.siteToken() })).status).toBe(400);
	});

	it("drops everything on a write: the next read shows the published change", async () => {
		await request(`${cms.url}${path}`, { token: cms.siteToken() });
		expect((await request(`${cms.url}${path}`, { token: cms.siteToken() })).headers.get("x-aide-cache")).toBe("hit");
		await createEntryDraft(cms.url, admin, { question: "Seconde version ?", slug: "version", answer: "Deux." }, "fr", documentId);
		await publishEntry(cms.url, admin, documentId);
		const after = await request(`${cms.url}${path}`, { token: cms.siteToken() });
		expect(after.headers.get("x-aide-cache")).toBeNull();
		expect(after.body.data.map((entry: { question: string }) => entry.question)).toEqual(["Seconde version ?"]);
	});
});

describe("with AIDE_API_CACHE=false", () => {
	it("reads every time from the database", async () => {
		const uncached = await startCms({ env: { AIDE_API_CACHE: "false" } });
		try {
			await request(`${uncached.url}${path}`, { token: uncached.siteToken() });
			const second = await request(`${uncached.url}${path}`, { token: uncached.siteToken() });
			expect(second.status).toBe(200);
			expect(second.headers.get("x-aide-cache")).toBeNull();
		} finally {
			await uncached.stop();
		}
	});
});
