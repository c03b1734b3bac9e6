// The site settings (a single type, content-models/site-setting.json), against a real Strapi: a
// support editor sets and publishes them, logo included; the site build's token reads them and
// nothing more; the import token cannot touch them; publishing them asks the site service for a
// rebuild, as publishing an entry does.
import { SETTINGS_PATH, SETTINGS_UID } from "@aide/cms-contract";
import { type RunningCms, request, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRebuildListener } from "./support/rebuild-listener.ts";

const EDITOR = { email: "settings-editor@aide.test", password: "Editor-pass-2026" };
const SECRET = "a-secret-for-the-settings-test";
const ADMIN_PATH = `/content-manager/single-types/${SETTINGS_UID}`;
/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

let cms: RunningCms;
let editor: string;
let site: Awaited<ReturnType<typeof startRebuildListener>>;

beforeAll(async () => {
	site = await startRebuildListener(SECRET);
	cms = await startCms({ env: { AIDE_SITE_SERVICE_URL: site.url, AIDE_WEBHOOK_SECRET: SECRET } });
	const admin = await cms.adminToken();
	const roles = await request(`${cms.url}/admin/roles`, { token: admin });
	const role = (roles.body.data as Array<{ id: number; name: string }>).find((candidate) => candidate.name === "Support editor");
	const invited = await request(`${cms.url}/admin/users`, {
		token: admin,
		method: "POST",
		body: { firstname: "Sam", lastname: "Settings", email: EDITOR.email, roles: [role?.id] },
	});
	await request(`${cms.url}/admin/register`, {
		method: "POST",
		body: {
			registrationToken: invited.body.data.registrationToken,
			userInfo: { firstname: "Sam", lastname: "Settings", password: EDITOR.password },
		},
	});
	editor = await cms.adminToken(EDITOR);
});
afterAll(async () => {
	await cms?.stop();
	await site?.close();
});

async function uploadLogo(token: string): Promise<{ status: number; id: number | undefined }> {
	const form = new FormData();
	form.append("files", new Blob([PNG], { type: "image/png" }), "logo.png");
	const response = await fetch(`${cms.url}/upload`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
	const body = (await response.json()) as Array<{ id: number }>;
	return { status: response.status, id: Array.isArray(body) ? body[0]?.id : undefined };
}

describe("a support editor", () => {
	it("sets the settings in both languages, with a logo, and publishes them; the build reads them", async () => {
		const logo = await uploadLogo(editor);
		expect(logo.status).toBe(201);
		const shared = { logo: logo.id, accentColor: "#7a1fa2", contactUrl: "mailto:support@example.com" };
		const fr = await request(`${cms.url}${ADMIN_PATH}?locale=fr`, {
			token: editor,
			method: "PUT",
			body: {
				name: "Aide Exemple",
				tagline: "Centre d’aide",
				contactLabel: "Écrivez-nous",
				footerLinks: [{ label: "État du service", url: "https://status.example.com" }],
				...shared,
			},
		});
		expect(fr.status, JSON.stringify(fr.body)).toBe(200);
		const en = await request(`${cms.url}${ADMIN_PATH}?locale=en`, {
			token: editor,
			method: "PUT",
			body: {
				name: "Example Help",
				tagline: "Help center",
				contactLabel: "Write to us",
				footerLinks: [{ label: "About", url: "/en/about/" }],
				...shared,
			},
		});
		expect(en.status, JSON.stringify(en.body)).toBe(200);
		for (const locale of ["fr", "en"]) {
			const published = await request(`${cms.url}${ADMIN_PATH}/actions/publish?locale=${locale}`, {
				token: editor,
				method: "POST",
				body: {},
			});
			expect(published.status, JSON.stringify(published.body)).toBe(200);
		}

		const read = await request(`${cms.url}/api/${SETTINGS_PATH}?locale=fr&populate[logo]=true&populate[footerLinks]=true`, {
			token: cms.siteToken(),
		});
		expect(read.status, JSON.stringify(read.body)).toBe(200);
		expect(read.body.data).toMatchObject({
			name: "Aide Exemple",
			accentColor: "#7a1fa2",
			contactUrl: "mailto:support@example.com",
			footerLinks: [{ label: "État du service", url: "https://status.example.com" }],
			logo: { mime: "image/png", url: expect.stringMatching(/^\/uploads\/logo_\w+\.png$/) },
		});
	});

	it("is told what a bad colour or address must be, and nothing is saved", async () => {
		const colour = await request(`${cms.url}${ADMIN_PATH}?locale=fr`, {
			token: editor,
			method: "PUT",
			body: { accentColor: "red;}body{" },
		});
		expect(colour.status).toBe(400);
		expect(colour.body.error.message).toBe(
			'accentColor "red;}body{" is refused: it must be a CSS hex colour: # and 3, 4, 6 or 8 hexadecimal digits, such as #0b57a4.',
		);
		const link = await request(`${cms.url}${ADMIN_PATH}?locale=fr`, {
			token: editor,
			method: "PUT",
			body: { contactUrl: "javascript:alert(1)" },
		});
		expect(link.status).toBe(400);
		expect(link.body.error.message).toBe(
			'contactUrl "javascript:alert(1)" is refused: it must be a web address starting with https:// or http://, or an e-mail address starting with mailto: (mailto:support@example.com), without spaces or quotes.',
		);
		const now = await request(`${cms.url}${ADMIN_PATH}?locale=fr`, { token: editor });
		expect(now.body.data.accentColor).toBe("#7a1fa2");
	});

	it("cannot save a footer link to anything but https:, http:, mailto: or a path of the site, and is told which link", async () => {
		const links = [
			{ label: "Status", url: "https://status.example.com" },
			{ label: "x", url: "javascript:alert(1)" },
		];
		const saved = await request(`${cms.url}${ADMIN_PATH}?locale=fr`, { token: editor, method: "PUT", body: { footerLinks: links } });
		expect(saved.status).toBe(400);
		expect(saved.body.error.message).toBe(
			'footerLinks[1].url "javascript:alert(1)" is refused: it must be a web address starting with https:// or http://, an e-mail address starting with mailto:, or a path of this site starting with a single / (/en/about/), without spaces or quotes.',
		);
		const draft = await request(`${cms.url}${ADMIN_PATH}?locale=fr`, { token: editor });
		expect(draft.body.data.footerLinks).toMatchObject([{ url: "https://status.example.com" }]);
	});
});

describe("the tokens", () => {
	it("let the site build read the settings and nothing more", async () => {
		const token = cms.siteToken();
		expect((await request(`${cms.url}/api/${SETTINGS_PATH}?locale=en`, { token })).status).toBe(200);
		for (const method of ["PUT", "DELETE"]) {
			const write = await request(`${cms.url}/api/${SETTINGS_PATH}?locale=en`, { token, method, body: { data: { name: "Hacked" } } });
			expect(write.status, method).toBe(403);
		}
		// It lists the media library (the build copies answers' images and the logo), and cannot upload into it.
		const form = new FormData();
		form.append("files", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "intruder.png");
		const upload = await fetch(`${cms.url}/api/upload`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
		expect(upload.status).toBe(403);
		const still = await request(`${cms.url}/api/${SETTINGS_PATH}?locale=en`, { token });
		expect(still.body.data.name).toBe("Example Help");
	});

	it("give the import's token nothing on the settings", async () => {
		const token = cms.importToken();
		expect((await request(`${cms.url}${ADMIN_PATH}?locale=fr`, { token })).status).toBe(403);
		expect((await request(`${cms.url}${ADMIN_PATH}?locale=fr`, { token, method: "PUT", body: { name: "Imported" } })).status).toBe(403);
		expect((await request(`${cms.url}${ADMIN_PATH}/actions/publish?locale=fr`, { token, method: "POST", body: {} })).status).toBe(403);
	});
});

describe("rebuild calls", () => {
	it("ask the site service for a rebuild when the settings are published, not on a draft save", async () => {
		const published = site.calls.filter((call) => call.uid === SETTINGS_UID && call.event === "entry.publish");
		expect(published.length).toBeGreaterThanOrEqual(2);
		expect(published.every((call) => call.secretOk && call.path === "/rebuild")).toBe(true);
		const before = site.calls.length;
		await request(`${cms.url}${ADMIN_PATH}?locale=fr`, { token: editor, method: "PUT", body: { tagline: "Brouillon" } });
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(site.calls.slice(before)).toEqual([]);
	});
});
