// The CMS's admin API as the journeys' set-up uses it: log in, invite and register a "Support editor".
// What an admin would do in the UI, done over HTTP so that the journeys start from it.
import { ADMIN } from "@aide/testing";

async function adminApi<T>(cmsUrl: string, method: "GET" | "POST", path: string, body?: unknown, token?: string): Promise<T> {
	const response = await fetch(`${cmsUrl}${path}`, {
		method,
		headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	const json = await response.json();
	if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${JSON.stringify(json)}`);
	return json as T;
}

const tokens = new Map<string, Promise<string>>();

/** The JWT of the CMS's first admin (a super admin); one login per CMS, as the admin login is rate-limited. */
export function adminToken(cmsUrl: string): Promise<string> {
	let token = tokens.get(cmsUrl);
	if (!token) {
		token = adminApi<{ data: { token: string } }>(cmsUrl, "POST", "/admin/login", ADMIN).then(({ data }) => data.token);
		tokens.set(cmsUrl, token);
	}
	return token;
}

/** Calls the admin API as the first admin. */
export async function asAdmin<T>(cmsUrl: string, method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
	return adminApi<T>(cmsUrl, method, path, body, await adminToken(cmsUrl));
}

/** Invites a "Support editor" and registers them, as an admin would in the UI. */
export async function inviteEditor(cmsUrl: string, editor: { email: string; password: string; firstname: string }): Promise<void> {
	const token = await adminToken(cmsUrl);
	const roles = await adminApi<{ data: Array<{ id: number; name: string }> }>(cmsUrl, "GET", "/admin/roles", undefined, token);
	const role = roles.data.find((candidate) => candidate.name === "Support editor");
	if (!role) throw new Error(`The CMS has no "Support editor" role: ${JSON.stringify(roles)}`);
	const { data: invited } = await adminApi<{ data: { registrationToken: string } }>(
		cmsUrl,
		"POST",
		"/admin/users",
		{ firstname: editor.firstname, lastname: "Support", email: editor.email, roles: [role.id] },
		token,
	);
	await adminApi(cmsUrl, "POST", "/admin/register", {
		registrationToken: invited.registrationToken,
		userInfo: { firstname: editor.firstname, lastname: "Support", password: editor.password },
	});
}
