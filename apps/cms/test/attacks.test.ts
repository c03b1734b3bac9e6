// Attacks on the running CMS that access-rules.test.ts does not already make: login throttling
// through path variants, hostile and over-size uploads, cross-origin calls, and the admin's framing
// and script policy. Each would pass on a CMS that let the attack through only if it failed.

import { type RunningCms, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let cms: RunningCms;
let admin: string;

beforeAll(async () => {
	cms = await startCms();
	admin = await cms.adminToken();
});
afterAll(async () => {
	await cms?.stop();
});

describe("admin login", () => {
	it("refuses the sixth bad login within five minutes, whatever the spelling of the path", async () => {
		const statuses: number[] = [];
		for (const path of ["/admin/login", "/admin/Login", "/admin/login/", "/admin/LOGIN", "/admin/Login/", "/admin/login"]) {
			const response = await fetch(`${cms.url}${path}`, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: JSON.stringify({ email: "Target@aide.test", password: `Wrong-pass-${statuses.length}` }),
			});
			statuses.push(response.status);
		}
		expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
		expect(statuses[5]).toBe(429);
	});
});

describe("drafts", () => {
	it("are out of reach of every other API token, even a full-access one an admin made", async () => {
		const draft = await fetch(`${cms.url}/content-manager/collection-types/api::faq-entry.faq-entry?locale=fr`, {
			method: "POST",
			headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
			body: JSON.stringify({ question: "Secret à venir ?", slug: "secret-a-venir", answer: "Pas encore." }),
		});
		expect(draft.status).toBe(201);
		for (const type of ["read-only", "full-access"]) {
			const made = await fetch(`${cms.url}/admin/api-tokens`, {
				method: "POST",
				headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
				body: JSON.stringify({ name: `Third party ${type}`, description: "", type, lifespan: null }),
			});
			expect(made.status, type).toBe(201);
			const { accessKey } = ((await made.json()) as { data: { accessKey: string } }).data;
			for (const query of ["status=draft", "status=DRAFT", "filters[publishedAt][$null]=true"]) {
				const response = await fetch(`${cms.url}/api/faq-entries?locale=fr&${query}`, {
					headers: { authorization: `Bearer ${accessKey}` },
				});
				expect(await response.text(), `${type} ${query}`).not.toContain("Secret à venir");
			}
		}
	});
});

describe("uploads", () => {
	async function upload(name: string, type: string, content: string | Uint8Array) {
		const form = new FormData();
		form.append("files", new Blob([content], { type }), name);
		const response = await fetch(`${cms.url}/upload`, { method: "POST", headers: { authorization: `Bearer ${admin}` }, body: form });
		return { status: response.status, body: await response.text() };
	}
	async function storedFiles(): Promise<string[]> {
		const response = await fetch(`${cms.url}/upload/files`, { headers: { authorization: `Bearer ${admin}` } });
		const body = (await response.json()) as { results?: Array<{ name: string }> } | Array<{ name: string }>;
		return (Array.isArray(body) ? body : (body.results ?? [])).map((file) => file.name);
	}
	// A 1x1 PNG: what the media library is for.
	const png = Uint8Array.from(
		Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
	);

	it("takes an image", async () => {
		expect((await upload("pixel.png", "image/png", png)).status).toBe(201);
		expect(await storedFiles()).toContain("pixel.png");
	});

	it("refuses HTML, under any declared type, and SVG carrying script", async () => {
		const page = "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>";
		const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
		for (const [name, type, content] of [
			["page.html", "text/html", page],
			["page.html", "application/octet-stream", page],
			["page.htm", "text/plain", page],
			["drawing.svg", "image/svg+xml", svg],
			["drawing.svg", "image/png", svg],
		] as const) {
			const { status, body } = await upload(name, type, content);
			expect(status, `${name} as ${type}: ${body}`).toBeGreaterThanOrEqual(400);
			expect(status).toBeLessThan(500);
		}
		expect((await storedFiles()).filter((name) => /\.(html?|svg)$/.test(name))).toEqual([]);
	});

	it("refuses a file over 10 MB", async () => {
		const { status } = await upload("huge.png", "image/png", new Uint8Array(11 * 1024 * 1024));
		expect(status).toBe(413);
		expect(await storedFiles()).not.toContain("huge.png");
	});
});

describe("browsers", () => {
	it("give an unknown origin no Access-Control-Allow-Origin, on the API or the admin", async () => {
		for (const path of ["/api/faq-entries?locale=fr", "/admin/login", "/_health"]) {
			const preflight = await fetch(`${cms.url}${path}`, {
				method: "OPTIONS",
				headers: {
					origin: "https://evil.example",
					"access-control-request-method": "POST",
					"access-control-request-headers": "authorization",
				},
			});
			expect(preflight.headers.get("access-control-allow-origin"), path).toBeNull();
			const read = await fetch(`${cms.url}${path}`, {
				headers: { origin: "https://evil.example", authorization: `Bearer ${cms.siteToken()}` },
			});
			expect(read.headers.get("access-control-allow-origin"), path).toBeNull();
		}
	});

	it("get the admin with a Content-Security-Policy and X-Frame-Options", async () => {
		const page = await fetch(`${cms.url}/admin`);
		expect(page.status).toBe(200);
		const csp = page.headers.get("content-security-policy") ?? "";
		expect(csp).toMatch(/default-src 'self'/);
		expect(csp).toMatch(/frame-ancestors 'self'|frame-ancestors 'none'/);
		expect(page.headers.get("x-frame-options")).toMatch(/^(SAMEORIGIN|DENY)$/);
		expect(page.headers.get("x-content-type-options")).toBe("nosniff");
	});
});
