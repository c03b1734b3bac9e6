import type { Core } from "@strapi/strapi";

/**
 * Closes the users-permissions side of the API: the Public and Authenticated roles get no permission
 * at all, and nobody can sign up. Readers never call the CMS; the site build reads it with its own token.
 */
export async function ensureAccessRules(strapi: Core.Strapi): Promise<void> {
	const roles = (await strapi.db.query("plugin::users-permissions.role").findMany({
		where: { type: { $in: ["public", "authenticated"] } },
		populate: ["permissions"],
	})) as Array<{ name: string; permissions?: Array<{ id: number; action: string }> }>;
	for (const role of roles) {
		const ids = (role.permissions ?? []).map((permission) => permission.id);
		// Detached, not deleted: with no permission rows at all, the plugin grants its defaults again on
		// every start, which several CMS processes sharing one database would see between two boots.
		for (const id of ids) await strapi.db.query("plugin::users-permissions.permission").update({ where: { id }, data: { role: null } });
		if (ids.length > 0) strapi.log.info(`Removed ${ids.length} permission(s) from the ${role.name} role: it reads nothing.`);
	}

	const store = strapi.store({ type: "plugin", name: "users-permissions", key: "advanced" });
	const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
	if (advanced.allow_register !== false) await store.set({ value: { ...advanced, allow_register: false } });
}
