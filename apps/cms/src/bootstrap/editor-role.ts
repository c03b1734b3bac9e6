import { localeCodes } from "@aide/locales";
import type { Core } from "@strapi/strapi";
import { editorialTypes } from "./editorial-types";

export const EDITOR_ROLE_NAME = "Support editor";

export interface AdminPermission {
	action: string;
	subject?: string | null;
	properties?: { fields?: string[]; locales?: string[] };
	conditions?: string[];
}

/** Actions of the media library an editor needs to put images in answers. */
const MEDIA_ACTIONS = [
	"plugin::upload.read",
	"plugin::upload.configure-view",
	"plugin::upload.assets.create",
	"plugin::upload.assets.update",
	"plugin::upload.assets.download",
	"plugin::upload.assets.copy-link",
];

/** The content permissions of an editor: every action on every editorial type (editorial-types.ts), in every locale. */
export function editorContentPermissions(strapi: Core.Strapi): AdminPermission[] {
	const permissionService = strapi.service("admin::permission") as unknown as {
		actionProvider: { values(): Array<{ actionId: string; section: string; subjects?: string[] }> };
	};
	const contentTypeService = strapi.service("admin::content-type") as unknown as {
		getPermissionsWithNestedFields(actions: unknown[], options?: object): AdminPermission[];
	};
	const ownTypes = new Set(editorialTypes(strapi));
	const contentActions = permissionService.actionProvider.values().filter((action) => action.section === "contentTypes");
	return contentTypeService
		.getPermissionsWithNestedFields(contentActions)
		.filter((permission) => permission.subject && ownTypes.has(permission.subject))
		.map((permission) => ({
			...permission,
			properties: { ...permission.properties, locales: [...localeCodes] },
			conditions: [],
		}));
}

/**
 * Ensures the "Support editor" admin role: create, read, edit, translate (every locale), publish and
 * delete the project's content types (editorial-types.ts: every `api::` type the content manager shows,
 * so a new content model is covered: the site settings too), and use the media library. Nothing else:
 * no settings, roles, users, tokens, webhooks or content-type builder, and nothing on the insight
 * aggregates, which it reads through the insights report, never edits. Its permissions are reset to
 * this list on every start.
 */
export async function ensureEditorRole(strapi: Core.Strapi): Promise<void> {
	const roleService = strapi.service("admin::role") as unknown as {
		findOne(params: object): Promise<{ id: number } | null>;
		create(attributes: { name: string; description: string }): Promise<{ id: number }>;
		assignPermissions(roleId: number, permissions: AdminPermission[]): Promise<unknown>;
	};
	const role =
		(await roleService.findOne({ name: EDITOR_ROLE_NAME })) ??
		(await roleService.create({
			name: EDITOR_ROLE_NAME,
			description:
				"Writes, translates and publishes FAQ entries, categories and the site settings. Cannot change the CMS's settings, roles, tokens or content types.",
		}));
	const mediaPermissions = MEDIA_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [] }));
	await roleService.assignPermissions(role.id, [...editorContentPermissions(strapi), ...mediaPermissions]);
}
