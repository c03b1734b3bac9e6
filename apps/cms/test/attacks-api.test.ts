// Attacks on the CMS's access rules (issue 14), against one real Strapi that believes it sits behind a
// reverse proxy (CMS_PUBLIC_URL set): drafts asked for through other spellings of the content API's
// paths and queries, a response cache grown or emptied by strangers, X-Forwarded-For forged to dodge the
// login throttle, and slugs or anchors that would be paths.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createEntryDraft, publishEntry, type RunningCms, request, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let cms: RunningCms;
let admin: string;

beforeAll(async () => {
	cms = await startCms({ env: { CMS_PUBLIC_URL: "http://cms.aide.test", AIDE_API_CACHE_MB: "8" } });
	admin = await cms.adminToken();
});
afterAll(async () => {
	await cms?.stop();
});

/** An API token an admin makes in the admin panel. */
async function makeToken(name: string, type: "read-only" | "full-access"): Promise<string> {
	const made = await request(`${cms.url}/admin/api-tokens`, {
		token: admin,
		method: "POST",
		body: { name, description: "", type, lifespan: null },
	});
	expect(made.status, JSON.stringify(made.body)).toBe(201);
	return made.body.data.accessKey;
}

describe("drafts through the content API", () => {
	const secret = "Secret à venir ?";
	let documentId: string;

	beforeAll(async () => {
		const draft = await createEntryDraft(cms.url, admin, { question: secret, slug: "secret-a-venir", answer: "Pas encore." });
		expect(draft.status).toBe(201);
		documentId = draft.documentId;
	});

	/** Spellings Strapi's router takes for the content API's routes. */
	const routed = () => [
		"/api/faq-entries",
		"/API/faq-entries",
		"/Api/faq-entries",
		"/api/FAQ-Entries",
		"/api//faq-entries",
		"/api/faq-entries/",
		"/API/faq-entries//",
		"/api/faq%2Dentries",
		"/API/faq%2dentries/",
		`/API/faq-entries/${documentId}`,
		`/api/faq-entries/${documentId}/`,
	];
	/** And spellings it does not take (Strapi answers 400 "Malicious Path" or 404): tried all the same. */
	const paths = () => [...routed(), "//api/faq-entries", "//API//faq-entries", "/%61pi/faq-entries", "/%41PI/faq-entries"];
	const queries = [
		"status=draft",
		"status=DRAFT",
		"status[0]=draft",
		"status[]=draft",
		"status[$eq]=draft",
		"status=published&status=draft",
		"%73tatus=draft",
		"status%5B0%5D=draft",
		"Status=draft",
		"publicationState=preview",
		"filters[publishedAt][$null]=true",
		"publicationFilter=never-published",
		"hasPublishedVersion=false",
	];

	it("reach no token but the preview's, whatever the spelling of the path or of the query", async () => {
		const tokens = { site: cms.siteToken(), "read-only": await makeToken("Third party reader", "read-only") };
		const leaks: string[] = [];
		for (const [name, token] of Object.entries(tokens)) {
			for (const path of paths()) {
				for (const query of queries) {
					const response = await fetch(`${cms.url}${path}?locale=fr&${query}`, { headers: { authorization: `Bearer ${token}` } });
					const text = await response.text();
					if (text.includes(secret)) leaks.push(`${name} ${response.status} ${path}?${query}`);
				}
			}
		}
		expect(leaks).toEqual([]);
	});

	it("are refused with a message that says why, on every spelling", async () => {
		for (const path of routed()) {
			const response = await request(`${cms.url}${path}?locale=fr&status=draft`, { token: cms.siteToken() });
			expect(response.status, path).toBe(400);
			expect(response.body.error.message, path).toBe(
				"The content API serves published content only; remove the status parameter. Drafts are visible in the admin.",
			);
		}
	});

	it("stay readable by the preview token, and the API stays closed to anonymous calls, on every spelling", async () => {
		const preview = readFileSync(join(cms.dataDir, "preview-token"), "utf8").trim();
		for (const path of routed()) {
			// (With a doubled slash or an encoded dash the router picks a route that answers 404: nothing to read there.)
			if (!/\/\/|%/.test(path)) {
				const drafts = await request(`${cms.url}${path}?locale=fr&status=draft`, { token: preview });
				expect(JSON.stringify(drafts.body), path).toContain(secret);
			}
			const anonymous = await request(`${cms.url}${path}?locale=fr`);
			expect(anonymous.status, path).toBe(403);
			expect(anonymous.body.error.message, path).toContain("needs an API token");
		}
	});
});

describe("the response cache", () => {
	const path = "/api/faq-entries?locale=fr";

	it("keeps its entries through anonymous writes, which anyone can send", async () => {
		const token = cms.siteToken();
		await request(`${cms.url}${path}`, { token });
		expect((await request(`${cms.url}${path}`, { token })).headers.get("x-aide-cache")).toBe("hit");
		const refused = [
			await request(`${cms.url}/api/faq-entries`, { method: "POST", body: { data: { question: "Spam ?" } } }),
			await request(`${cms.url}/API/faq-entries/x`, { method: "DELETE" }),
			await request(`${cms.url}/content-manager/collection-types/api::faq-entry.faq-entry`, { method: "POST", body: {} }),
			await request(`${cms.url}/aide/import`, { method: "POST", body: {} }),
			await request(`${cms.url}/nowhere`, { method: "PUT", body: {} }),
		];
		for (const response of refused) expect(response.status).toBeGreaterThanOrEqual(400);
		expect((await request(`${cms.url}${path}`, { token })).headers.get("x-aide-cache")).toBe("hit");
	});

	it("stays within its bounds, keys included, under thousands of unique long queries", async () => {
		const token = cms.siteToken();
		// A published entry, so that each query answers 200 with a body worth keeping.
		const entry = await createEntryDraft(cms.url, admin, { question: "Combien de mémoire ?", slug: "combien-de-memoire", answer: "Peu." });
		expect((await publishEntry(cms.url, admin, entry.documentId)).status).toBe(200);
		const keyLength = 8000;
		let next = 0;
		const worker = async () => {
			while (next < 2_500) {
				const n = next++;
				// 8 KB of query string, different for every request: a key the cache has never seen.
				const filler = `${n}-`.padEnd(keyLength, "x");
				const response = await fetch(`${cms.url}/api/faq-entries?locale=fr&filters[question][$ne]=${filler}`, {
					headers: { authorization: `Bearer ${token}` },
				});
				await response.arrayBuffer();
				if (response.status !== 200) throw new Error(`query ${n} answered ${response.status}`);
			}
		};
		await Promise.all(Array.from({ length: 4 }, worker));
		// 2,500 keys of 8 KB are 20 MB (40 MB as JavaScript strings); the cache was given 8 MB.
		const { status, body: usage } = await request(`${cms.url}/aide/api-cache`, { token: admin });
		expect(status).toBe(200);
		expect(usage).toMatchObject({ enabled: true, maxBytes: 8 * 1024 * 1024 });
		expect(usage.bytes).toBeLessThanOrEqual(usage.maxBytes);
		expect(usage.entries).toBeLessThanOrEqual(usage.maxEntries);
		// The count holds the keys: each entry costs at least its key.
		expect(usage.bytes).toBeGreaterThanOrEqual(usage.entries * keyLength);
		expect(usage.entries).toBeGreaterThan(100);
		// And it still caches.
		await request(`${cms.url}${path}`, { token });
		expect((await request(`${cms.url}${path}`, { token })).headers.get("x-aide-cache")).toBe("hit");
	}, 300_000);

	it("tells its usage to admins only", async () => {
		expect((await request(`${cms.url}/aide/api-cache`)).status).toBe(401);
		expect((await request(`${cms.url}/aide/api-cache`, { token: cms.siteToken() })).status).toBe(401);
	});
});

describe("admin login behind the proxy", () => {
	const login = (email: string, forwardedFor: string, attempt: number) =>
		fetch(`${cms.url}/admin/login`, {
			method: "POST",
			// What the proxy sends: whatever the client wrote, then the address the proxy saw.
			headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
			body: JSON.stringify({ email, password: `Wrong-pass-${attempt}` }),
		}).then((response) => response.status);

	it("refuses the sixth bad login from one client, whatever X-Forwarded-For it forges", async () => {
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 6; attempt++)
			statuses.push(await login("target@aide.test", `203.0.113.${attempt}, 198.51.100.7`, attempt));
		expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
	});

	it("still tells clients apart by the address the proxy saw", async () => {
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 5; attempt++) statuses.push(await login("other@aide.test", "198.51.100.20", attempt));
		statuses.push(await login("other@aide.test", "198.51.100.20, 198.51.100.21", 5));
		expect(statuses).toEqual([400, 400, 400, 400, 400, 400]);
	});
});

describe("slugs and anchors that would be paths", () => {
	const bad = [".", "..", "a/b", "A B", "%2e%2e"];
	const refusal = (value: string) =>
		`"${value}" is refused: it becomes part of an address on the site, so use only lowercase letters a to z and digits, in words joined by single dashes`;
	const ENTRIES = "/content-manager/collection-types/api::faq-entry.faq-entry";
	const CATEGORIES = "/content-manager/collection-types/api::category.category";

	it("are refused by the admin's content manager, on create and on update, drafts included", async () => {
		const draft = await createEntryDraft(cms.url, admin, { question: "Un brouillon ?", slug: "un-brouillon", answer: "Oui." });
		expect(draft.status).toBe(201);
		for (const slug of bad) {
			const created = await request(`${cms.url}${ENTRIES}?locale=fr`, {
				token: admin,
				method: "POST",
				body: { question: `Chemin ${slug} ?`, slug, answer: "Non." },
			});
			expect(created.status, slug).toBe(400);
			expect(created.body.error.message, slug).toContain(`slug ${refusal(slug)}`);
			const updated = await request(`${cms.url}${ENTRIES}/${draft.documentId}?locale=fr`, {
				token: admin,
				method: "PUT",
				body: { question: "Un brouillon ?", slug, answer: "Oui." },
			});
			expect(updated.status, slug).toBe(400);
			expect(updated.body.error.message, slug).toContain(`slug ${refusal(slug)}`);
			const category = await request(`${cms.url}${CATEGORIES}?locale=fr`, {
				token: admin,
				method: "POST",
				body: { name: `Rubrique ${slug}`, slug },
			});
			expect(category.status, slug).toBe(400);
			expect(category.body.error.message, slug).toContain(`slug ${refusal(slug)}`);
		}
		const kept = await request(`${cms.url}${ENTRIES}/${draft.documentId}?locale=fr`, { token: admin });
		expect(kept.body.data.slug).toBe("un-brouillon");
	});

	it("are refused by the content API, even to a full-access token", async () => {
		const token = await makeToken("Third party writer", "full-access");
		const existing = await request(`${cms.url}/api/faq-entries?locale=fr`, {
			token,
			method: "POST",
			body: { data: { question: "Écrit par l'API ?", slug: "ecrit-par-l-api", answer: "Oui." } },
		});
		expect(existing.status, JSON.stringify(existing.body)).toBe(201);
		for (const slug of bad) {
			const created = await request(`${cms.url}/api/faq-entries?locale=fr`, {
				token,
				method: "POST",
				body: { data: { question: `Chemin ${slug} ?`, slug, answer: "Non." } },
			});
			expect(created.status, slug).toBe(400);
			expect(created.body.error.message, slug).toContain(`slug ${refusal(slug)}`);
			const updated = await request(`${cms.url}/api/faq-entries/${existing.body.data.documentId}?locale=fr`, {
				token,
				method: "PUT",
				body: { data: { slug } },
			});
			expect(updated.status, slug).toBe(400);
			expect(updated.body.error.message, slug).toContain(`slug ${refusal(slug)}`);
			const category = await request(`${cms.url}/api/categories?locale=fr`, {
				token,
				method: "POST",
				body: { data: { name: "Rubrique", slug } },
			});
			expect(category.status, slug).toBe(400);
			expect(category.body.error.message, slug).toContain(`slug ${refusal(slug)}`);
		}
	});

	const importOne = (anchor: string, question: string) =>
		request(`${cms.url}/aide/import`, {
			token: cms.importToken(),
			method: "POST",
			body: {
				group: {
					key: "chemins",
					files: ["chemins.md"],
					category: null,
					entries: [{ anchor, order: 0, locales: { fr: { question, answer: "Réponse.", keywords: null, source: "chemins.md:3" } } }],
				},
				publish: false,
				dryRun: false,
			},
		});

	it("are refused by the import, which names the entry, and its own slugs stay valid", async () => {
		for (const anchor of bad) {
			const response = await importOne(anchor, "Une question ?");
			expect(response.status, anchor).toBe(422);
			expect(response.body.error.message, anchor).toContain(`Entry "${anchor}" (fr, chemins.md:3) was refused`);
			expect(response.body.error.message, anchor).toContain(`anchor ${refusal(anchor)}`);
		}
		// The slugs the import makes from questions: accents, ligatures, ampersands, apostrophes, and nothing at all.
		const questions = {
			"ou-est-l-oeuf": "Où est l'œuf & le cœur ?",
			"deux-points": "..",
			"barre-oblique": "a/b",
			"pour-cent": "%2e%2e",
			guillemets: "« Ça, c’est l’été » — déjà ?",
		};
		for (const [anchor, question] of Object.entries(questions)) {
			const response = await importOne(anchor, question);
			expect(response.status, `${question}: ${JSON.stringify(response.body)}`).toBe(200);
		}
		const { body } = await request(`${cms.url}${ENTRIES}?locale=fr&pageSize=100`, { token: admin });
		const slugs = (body.results as Array<{ anchor: string | null; slug: string }>)
			.filter((entry) => entry.anchor && entry.anchor in questions)
			.map((entry) => entry.slug);
		expect(slugs).toHaveLength(5);
		for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});
});
