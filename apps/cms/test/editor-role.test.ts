// The "Support editor" admin role, checked as a real editor logged into a real Strapi.

import { CATEGORY_UID, ENTRY_UID, INSIGHT_FEEDBACK_UID, INSIGHT_SEARCH_UID, SETTINGS_UID } from "@aide/cms-contract";
import { createEntryDraft, publishEntry, type RunningCms, request, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const EDITOR = { email: "editor@aide.test", password: "Editor-pass-2026" };
let cms: RunningCms;
let editor: string;

beforeAll(async () => {
	cms = await startCms();
	const admin = await cms.adminToken();
	const roles = await request(`${cms.url}/admin/roles`, { token: admin });
	const role = (roles.body.data as Array<{ id: number; name: string }>).find((candidate) => candidate.name === "Support editor");
	if (!role) throw new Error(`No "Support editor" role: ${JSON.stringify(roles.body)}`);
	const invited = await request(`${cms.url}/admin/users`, {
		token: admin,
		method: "POST",
		body: { firstname: "Eddie", lastname: "Tor", email: EDITOR.email, roles: [role.id] },
	});
	const registered = await request(`${cms.url}/admin/register`, {
		method: "POST",
		body: {
			registrationToken: invited.body.data.registrationToken,
			userInfo: { firstname: "Eddie", lastname: "Tor", password: EDITOR.password },
		},
	});
	if (registered.status !== 200) throw new Error(`Editor registration failed: ${JSON.stringify(registered.body)}`);
	editor = await cms.adminToken(EDITOR);
});
afterAll(async () => {
	await cms?.stop();
});

describe("a support editor", () => {
	it("creates, translates and publishes an FAQ entry", async () => {
		const fr = await createEntryDraft(cms.url, editor, {
			question: "Combien de données puis-je stocker ?",
			slug: "combien-de-donnees",
			answer: "40 Go.",
		});
		expect(fr.status).toBe(201);
		const en = await createEntryDraft(
			cms.url,
			editor,
			{ question: "How much data can I store?", slug: "how-much-data", answer: "40 GB." },
			"en",
			fr.documentId,
		);
		expect(en.status).toBe(200);
		expect(en.documentId).toBe(fr.documentId);
		expect((await publishEntry(cms.url, editor, fr.documentId, "fr")).status).toBe(200);
		expect((await publishEntry(cms.url, editor, fr.documentId, "en")).status).toBe(200);

		const site = await request(`${cms.url}/api/faq-entries/${fr.documentId}?locale=en`, { token: cms.siteToken() });
		expect(site.body.data.question).toBe("How much data can I store?");
	});

	it("creates categories in both locales", async () => {
		const path = `${cms.url}/content-manager/collection-types/api::category.category`;
		const fr = await request(`${path}?locale=fr`, { token: editor, method: "POST", body: { name: "Compte", slug: "compte" } });
		expect(fr.status).toBe(201);
		const en = await request(`${path}/${fr.body.data.documentId}?locale=en`, {
			token: editor,
			method: "PUT",
			body: { name: "Account", slug: "account" },
		});
		expect(en.status).toBe(200);
	});

	it("gets nothing on the insight aggregates: it reads them through the insights report, never edits them", async () => {
		for (const uid of [INSIGHT_SEARCH_UID, INSIGHT_FEEDBACK_UID]) {
			const path = `${cms.url}/content-manager/collection-types/${uid}`;
			expect((await request(path, { token: editor })).status, uid).toBe(403);
			expect((await request(path, { token: editor, method: "POST", body: { day: "2026-01-01", language: "fr" } })).status, uid).toBe(403);
		}
		const admin = await cms.adminToken();
		const roles = await request(`${cms.url}/admin/roles`, { token: admin });
		const role = (roles.body.data as Array<{ id: number; name: string }>).find((candidate) => candidate.name === "Support editor");
		const permissions = await request(`${cms.url}/admin/roles/${role?.id}/permissions`, { token: admin });
		const subjects = new Set((permissions.body.data as Array<{ subject: string | null }>).map((permission) => permission.subject));
		expect([...subjects].filter((subject) => subject?.startsWith("api::")).sort()).toEqual([CATEGORY_UID, ENTRY_UID, SETTINGS_UID]);
	});

	it("cannot change settings, roles, users, tokens, webhooks, locales or content types", async () => {
		const refused: Array<[string, string, unknown?]> = [
			["GET", "/admin/roles"],
			["POST", "/admin/roles", { name: "Mine", description: "" }],
			["GET", "/admin/users"],
			["GET", "/admin/api-tokens"],
			["POST", "/admin/api-tokens", { name: "mine", type: "full-access", lifespan: null }],
			["GET", "/admin/webhooks"],
			["POST", "/i18n/locales", { code: "de", name: "German" }],
			["GET", "/users-permissions/roles"],
			["POST", "/content-type-builder/update-schema", { data: { contentTypes: [], components: [] } }],
		];
		for (const [method, path, body] of refused) {
			const response = await request(`${cms.url}${path}`, { token: editor, method, body });
			expect(response.status, `${method} ${path}`).toBe(403);
		}
	});
});
