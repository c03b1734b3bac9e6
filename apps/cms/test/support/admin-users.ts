// Admin users for permission tests: the Support editor role as the CMS ensures it, or a role made for the
// test with exactly the given permissions, signed in through the real admin API.
import { localeCodes } from "@aide/locales";
import { type RunningCms, request } from "@aide/testing";

/** What limits a permission: its locales (default: every locale), its conditions (default: none), its fields (default: all). */
interface PermissionLimits {
	locales?: string[];
	conditions?: string[];
	fields?: string[];
}

/** A content-manager permission on one content type, in every locale unless `limits` narrow it. */
export const contentPermission = (
	action: string,
	subject: string,
	{ locales = [...localeCodes], conditions = [], fields }: PermissionLimits = {},
) => ({
	action: `plugin::content-manager.explorer.${action}`,
	subject,
	properties: fields ? { locales, fields } : { locales },
	conditions,
});

async function roleId(cms: RunningCms, admin: string, role: string | { name: string; permissions: object[] }): Promise<number> {
	if (typeof role === "string") {
		const roles = await request(`${cms.url}/admin/roles`, { token: admin });
		const found = (roles.body.data as Array<{ id: number; name: string }>).find((candidate) => candidate.name === role);
		if (!found) throw new Error(`No "${role}" role: ${JSON.stringify(roles.body)}`);
		return found.id;
	}
	const created = await request(`${cms.url}/admin/roles`, { token: admin, method: "POST", body: { name: role.name, description: "test" } });
	if (created.status !== 201 && created.status !== 200)
		throw new Error(`Creating the role ${role.name} failed: ${JSON.stringify(created.body)}`);
	const id = created.body.data.id as number;
	const set = await request(`${cms.url}/admin/roles/${id}/permissions`, {
		token: admin,
		method: "PUT",
		body: { permissions: role.permissions },
	});
	if (set.status !== 200) throw new Error(`Setting the permissions of ${role.name} failed: ${JSON.stringify(set.body)}`);
	return id;
}

/** One super admin sign-in per CMS: the admin login allows 5 attempts per 5 minutes (config/admin.ts). */
const adminTokens = new WeakMap<RunningCms, Promise<string>>();

function superAdmin(cms: RunningCms): Promise<string> {
	const token = adminTokens.get(cms) ?? cms.adminToken();
	adminTokens.set(cms, token);
	return token;
}

/** Invites and registers an admin user with `role` (a role's name, or a new role), and returns its JWT. */
export async function signedInAdmin(
	cms: RunningCms,
	email: string,
	role: string | { name: string; permissions: object[] },
): Promise<string> {
	const admin = await superAdmin(cms);
	const password = "Test-pass-2026";
	const invited = await request(`${cms.url}/admin/users`, {
		token: admin,
		method: "POST",
		body: { firstname: "Test", lastname: "User", email, roles: [await roleId(cms, admin, role)] },
	});
	const registered = await request(`${cms.url}/admin/register`, {
		method: "POST",
		body: { registrationToken: invited.body.data.registrationToken, userInfo: { firstname: "Test", lastname: "User", password } },
	});
	if (registered.status !== 200) throw new Error(`Registering ${email} failed: ${JSON.stringify(registered.body)}`);
	return cms.adminToken({ email, password });
}
