// Before the journeys: `npm start`'s own process (apps/site/scripts/start.ts) runs the whole portal
// (the CMS with the demo content, the first build, the public site and the site service) on free
// loopback ports and temporary folders, and a "Support editor" is invited into the CMS. The tests
// learn the addresses from E2E_BASE_URL (the site), E2E_CMS_URL and E2E_EDITOR.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { removeSite } from "../../apps/site/scripts/lib/builds.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ADMIN = { email: "admin@aide.test", password: "Admin-pass-2026" };
export const EDITOR = { email: "editor@aide.test", password: "Editor-pass-2026" };

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer().once("error", reject);
		server.listen({ host: "127.0.0.1", port: 0 }, () => {
			const address = server.address();
			server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
		});
	});
}

function waitForReady(child: ChildProcess): Promise<void> {
	return new Promise((resolve, reject) => {
		let output = "";
		const onData = (chunk: Buffer) => {
			output += chunk;
			if (output.includes("aide: the portal is ready")) resolve();
		};
		child.stdout?.on("data", onData);
		child.stderr?.on("data", onData);
		child.once("exit", (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)));
	});
}

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
	const ports = { site: await freePort(), cms: await freePort(), service: await freePort() };
	const { NODE_ENV: _env, ...env } = process.env;
	const portal = spawn(process.execPath, ["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", join(root, "apps/site/scripts/start.ts")], {
		env: {
			...env,
			PORT: String(ports.site),
			CMS_PORT: String(ports.cms),
			AIDE_SITE_SERVICE_URL: `http://127.0.0.1:${ports.service}`,
			AIDE_DATA_DIR: join(work, "data"),
			AIDE_SITE_OUT_DIR: join(work, "dist"),
			AIDE_ADMIN_EMAIL: ADMIN.email,
			AIDE_ADMIN_PASSWORD: ADMIN.password,
			// A run at 03:00 must not take a backup in the middle of the journeys.
			AIDE_BACKUP_AT: "off",
		},
		stdio: ["ignore", "pipe", "pipe"],
	});
	await waitForReady(portal);
	const cmsUrl = `http://127.0.0.1:${ports.cms}`;
	await inviteEditor(cmsUrl);
	process.env.E2E_BASE_URL = `http://127.0.0.1:${ports.site}`;
	process.env.E2E_CMS_URL = cmsUrl;
	process.env.E2E_EDITOR = JSON.stringify(EDITOR);
	return async () => {
		const exited = new Promise((resolve) => portal.once("exit", resolve));
		portal.kill("SIGINT");
		await exited;
		removeSite(join(work, "dist"));
		rmSync(work, { recursive: true, force: true });
	};
}
