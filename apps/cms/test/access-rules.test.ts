// The CMS's access rules, each checked against a real Strapi on a temporary SQLite file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ADMIN, createEntryDraft, pngImage, publishEntry, type RunningCms, request, startCms, uploadImage } from "@aide/testing";
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

describe("health", () => {
	it("answers /_health", async () => {
		expect((await fetch(`${cms.url}/_health`)).status).toBe(204);
	});
});

describe("locales", () => {
	it("are French (default) and English", async () => {
		const { status, body } = await request(`${cms.url}/i18n/locales`, { token: admin });
		expect(status).toBe(200);
		const codes = (body as Array<{ code: string; isDefault: boolean }>).map((locale) => [locale.code, locale.isDefault]);
		expect(codes.sort()).toEqual([
			["en", false],
			["fr", true],
		]);
	});
});

describe("anonymous and users-permissions access", () => {
	it("refuses anonymous reads of entries and categories", async () => {
		for (const path of ["/api/faq-entries", "/api/categories"]) {
			const { status, body } = await request(`${cms.url}${path}`);
			expect(status).toBe(403);
			expect(body.error.message).toContain("needs an API token");
		}
	});

	it("refuses sign-up", async () => {
		const { status } = await request(`${cms.url}/api/auth/local/register`, {
			method: "POST",
			body: { username: "mallory", email: "mallory@example.org", password: "Mallory-pass-1" },
		});
		expect(status).toBe(403);
	});

	it("gives the Public and Authenticated roles no permission", async () => {
		const { body } = await request(`${cms.url}/users-permissions/roles`, { token: admin });
		const roles = body.roles as Array<{ id: number; type: string }>;
		for (const type of ["public", "authenticated"]) {
			const role = roles.find((candidate) => candidate.type === type);
			expect(role, type).toBeDefined();
			const detail = await request(`${cms.url}/users-permissions/roles/${role?.id}`, { token: admin });
			const permissions = detail.body.role.permissions as Record<
				string,
				{ controllers: Record<string, Record<string, { enabled: boolean }>> }
			>;
			const enabled = Object.values(permissions).flatMap((plugin) =>
				Object.values(plugin.controllers).flatMap((actions) => Object.entries(actions).filter(([, action]) => action.enabled)),
			);
			expect(enabled, type).toEqual([]);
		}
		const advanced = await request(`${cms.url}/users-permissions/advanced`, { token: admin });
		expect(advanced.body.settings.allow_register).toBe(false);
	});
});

describe("the site token", () => {
	it("and the preview token are, with the insights token, the only content API tokens, custom, with find and findOne on entries, categories and media and find on the site settings (not the insight aggregates)", async () => {
		const { body } = await request(`${cms.url}/admin/api-tokens`, { token: admin });
		const tokens = body.data as Array<{ id: number; name: string; type: string }>;
		expect(tokens.map((token) => [token.name, token.type]).sort()).toEqual([
			["Aide insights", "custom"],
			["Aide preview", "custom"],
			["Aide site build", "custom"],
		]);
		for (const token of tokens.filter((candidate) => candidate.name !== "Aide insights")) {
			const detail = await request(`${cms.url}/admin/api-tokens/${token.id}`, { token: admin });
			expect([...detail.body.data.permissions].sort(), token.name).toEqual([
				"api::category.category.find",
				"api::category.category.findOne",
				"api::faq-entry.faq-entry.find",
				"api::faq-entry.faq-entry.findOne",
				"api::site-setting.site-setting.find",
				"plugin::upload.content-api.find",
				"plugin::upload.content-api.findOne",
			]);
		}
	});

	it("reads published entries", async () => {
		const { status, body } = await request(`${cms.url}/api/faq-entries`, { token: cms.siteToken() });
		expect(status).toBe(200);
		expect(body.meta.pagination).toBeDefined();
	});

	it("cannot write or reach admin routes", async () => {
		const token = cms.siteToken();
		const create = await request(`${cms.url}/api/faq-entries`, {
			token,
			method: "POST",
			body: { data: { question: "Injected?", answer: "Yes", slug: "injected" } },
		});
		expect(create.status).toBe(403);
		const categories = await request(`${cms.url}/api/categories`, { token, method: "POST", body: { data: { name: "X", slug: "x" } } });
		expect(categories.status).toBe(403);
		for (const path of ["/admin/users", "/admin/api-tokens", "/content-manager/collection-types/api::faq-entry.faq-entry"]) {
			expect((await request(`${cms.url}${path}`, { token })).status, path).toBe(401);
		}
		expect((await request(`${cms.url}/api/users`, { token })).status).toBe(403);
	});

	it("reads the media library's list (for the images answers show) but cannot upload, change or delete media", async () => {
		const token = cms.siteToken();
		const image = await uploadImage(cms.url, admin, { name: "token-check.png", bytes: pngImage(40, 30) });
		const list = await request(`${cms.url}/api/upload/files?filters[url][$eq]=${encodeURIComponent(image.url)}`, { token });
		expect(list.status).toBe(200);
		expect(list.body).toMatchObject([{ url: image.url, width: 40, height: 30, mime: "image/png" }]);
		expect((await request(`${cms.url}/api/upload/files/${image.id}`, { token })).body).toMatchObject({ url: image.url });

		const form = new FormData();
		form.append("files", new Blob([new Uint8Array(pngImage(4, 4))], { type: "image/png" }), "injected.png");
		const upload = await fetch(`${cms.url}/api/upload`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
		expect(upload.status).toBe(403);
		const rename = await fetch(`${cms.url}/api/upload?id=${image.id}`, {
			method: "POST",
			headers: { authorization: `Bearer ${token}` },
			body: (() => {
				const info = new FormData();
				info.append("fileInfo", JSON.stringify({ name: "renamed.png" }));
				return info;
			})(),
		});
		expect(rename.status).toBe(403);
		expect((await request(`${cms.url}/api/upload/files/${image.id}`, { token, method: "DELETE" })).status).toBe(403);
		expect((await request(`${cms.url}/api/upload/files/${image.id}`, { token })).body).toMatchObject({ name: "token-check.png" });
	});

	it("never receives a draft, with or without ?status=draft", async () => {
		const question = "Où sont situés vos serveurs ?";
		const draft = await createEntryDraft(cms.url, admin, { question, slug: "ou-sont-situes-vos-serveurs", answer: "En **France**." });
		expect(draft.status).toBe(201);
		const token = cms.siteToken();

		const list = await request(`${cms.url}/api/faq-entries`, { token });
		expect(list.body.data).toEqual([]);
		const one = await request(`${cms.url}/api/faq-entries/${draft.documentId}`, { token });
		expect(one.status).toBe(404);
		for (const status of ["draft", "DRAFT", "published&status=draft"]) {
			const drafts = await request(`${cms.url}/api/faq-entries?status=${status}`, { token });
			expect(drafts.status, status).toBe(400);
			expect(JSON.stringify(drafts.body)).not.toContain(question);
		}
		const filtered = await request(`${cms.url}/api/faq-entries?filters[publishedAt][$null]=true`, { token });
		expect(JSON.stringify(filtered.body)).not.toContain(question);

		// The draft preview's token, and only it, reads drafts; it writes nothing.
		const preview = readFileSync(join(cms.dataDir, "preview-token"), "utf8").trim();
		const drafts = await request(`${cms.url}/api/faq-entries?status=draft`, { token: preview });
		expect(drafts.status).toBe(200);
		expect(drafts.body.data.map((entry: { question: string }) => entry.question)).toEqual([question]);
		const write = await request(`${cms.url}/api/faq-entries`, {
			token: preview,
			method: "POST",
			body: { data: { question: "Injected?" } },
		});
		expect(write.status).toBe(403);
		expect((await request(`${cms.url}/api/faq-entries?status=draft`, { token: `${preview.slice(0, -1)}x` })).status).toBe(400);

		expect((await publishEntry(cms.url, admin, draft.documentId)).status).toBe(200);
		const published = await request(`${cms.url}/api/faq-entries?locale=fr`, { token });
		expect(published.body.data.map((entry: { question: string }) => entry.question)).toEqual([question]);
	});

	it("refuses unknown query keys", async () => {
		const { status, body } = await request(`${cms.url}/api/faq-entries?publicationState=preview`, { token: cms.siteToken() });
		expect(status).toBe(400);
		expect(body.error.message).toMatch(/Invalid key publicationState/);
	});

	it("learns nothing from filters or populate on admin fields", async () => {
		const draft = await createEntryDraft(cms.url, admin, { question: "Is my data safe?", slug: "is-my-data-safe", answer: "Yes." }, "en");
		expect((await publishEntry(cms.url, admin, draft.documentId, "en")).status).toBe(200);
		const token = cms.siteToken();
		const attempts = [
			"filters[createdBy][email][$startsWith]=a",
			"filters[updatedBy][id][$gt]=0",
			"filters[createdBy][password][$startsWith]=$",
			"filters[createdBy][resetPasswordToken][$notNull]=true",
			"filters[updatedBy][registrationToken][$null]=false",
			"sort=createdBy.email:asc",
			"populate[createdBy][fields][0]=password",
			"populate[createdBy]=true",
			"populate=*",
			"fields[0]=createdBy",
		];
		for (const query of attempts) {
			const { status, body } = await request(`${cms.url}/api/faq-entries?locale=en&${query}`, { token });
			expect(JSON.stringify(body), query).not.toContain(ADMIN.email);
			if (status === 400) continue;
			expect(status, query).toBe(200);
			expect(body.data.length, query).toBeGreaterThan(0);
			for (const entry of body.data) {
				expect(Object.keys(entry), query).not.toContain("createdBy");
				expect(Object.keys(entry), query).not.toContain("updatedBy");
			}
		}
	});
});

describe("admin login", () => {
	it("refuses the sixth bad login within five minutes", async () => {
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 6; attempt++) {
			const { status } = await request(`${cms.url}/admin/login`, {
				method: "POST",
				body: { email: "nobody@aide.test", password: `Wrong-pass-${attempt}` },
			});
			statuses.push(status);
		}
		expect(statuses.slice(0, 5).every((status) => status === 400)).toBe(true);
		expect(statuses[5]).toBe(429);
	});
});
