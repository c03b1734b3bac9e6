// Before the journeys: `npm start`'s own process (apps/portal/src/start.ts, through @aide/testing's startPortal) runs the whole portal
// (the CMS with the demo content, the first build, the public site and the site service) on free
// loopback ports and temporary folders, and a "Support editor" is invited into the CMS. The tests
// learn the addresses from E2E_BASE_URL (the site), E2E_CMS_URL and E2E_EDITOR.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INSIGHT_ROUTES } from "@aide/cms-contract";
import { removeSite } from "@aide/site-build";
import { ADMIN, startPortal } from "@aide/testing";

export const EDITOR = { email: "editor@aide.test", password: "Editor-pass-2026" };

async function adminApi<T>(cmsUrl: string, path: string, body: unknown, token?: string): Promise<T> {
	const response = await fetch(`${cmsUrl}${path}`, {
		method: "POST",
		headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: JSON.stringify(body),
	});
	const json = await response.json();
	if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${JSON.stringify(json)}`);
	return json as T;
}

/** Invites a "Support editor" and registers them, as an admin would in the UI. */
async function inviteEditor(cmsUrl: string): Promise<void> {
	const { data: login } = await adminApi<{ data: { token: string } }>(cmsUrl, "/admin/login", ADMIN);
	const roles = await (await fetch(`${cmsUrl}/admin/roles`, { headers: { authorization: `Bearer ${login.token}` } })).json();
	const role = (roles.data as Array<{ id: number; name: string }>).find((candidate) => candidate.name === "Support editor");
	if (!role) throw new Error(`The CMS has no "Support editor" role: ${JSON.stringify(roles)}`);
	const { data: invited } = await adminApi<{ data: { registrationToken: string } }>(
		cmsUrl,
		"/admin/users",
		{ firstname: "Sam", lastname: "Support", email: EDITOR.email, roles: [role.id] },
		login.token,
	);
	await adminApi(cmsUrl, "/admin/register", {
		registrationToken: invited.registrationToken,
		userInfo: { firstname: "Sam", lastname: "Support", password: EDITOR.password },
	});
}

export default async function globalSetup(): Promise<() => Promise<void>> {
	const work = mkdtempSync(join(tmpdir(), "aide-e2e-"));
	// A run at 03:00 must not take a backup in the middle of the journeys (startPortal turns it off).
	// The built site sends reader insights to the portal (the feedback widget, the search box's reports).
	// Set here until the portal's own builds set it; then this line only says what they do.
	const portal = await startPortal(work, { env: { AIDE_INSIGHTS_URL: INSIGHT_ROUTES.events } });
	await portal.waitFor("aide: the portal is ready", 10 * 60_000);
	const cmsUrl = `http://127.0.0.1:${portal.ports.cms}`;
	await inviteEditor(cmsUrl);
	process.env.E2E_BASE_URL = `http://127.0.0.1:${portal.ports.site}`;
	process.env.E2E_CMS_URL = cmsUrl;
	process.env.E2E_EDITOR = JSON.stringify(EDITOR);
	return async () => {
		const exited = new Promise((resolve) => portal.child.once("exit", resolve));
		portal.child.kill("SIGINT");
		await exited;
		removeSite(join(work, "dist"));
		rmSync(work, { recursive: true, force: true });
	};
}
