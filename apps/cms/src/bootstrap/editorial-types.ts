import type { Core } from "@strapi/strapi";

/**
 * The project's content types: every `api::` type editors see in the content manager (entries,
 * categories, the site settings, and any model added later). A model hidden from the content manager
 * (`pluginOptions["content-manager"].visible: false` in content-models/, the insight aggregates) is the
 * CMS's own data: no role edits it, no site or preview token reads it, and packages/content-schema
 * gives it no REST route. Both read the same flag of the model.
 */
export function editorialTypes(strapi: Core.Strapi): string[] {
	return Object.entries(strapi.contentTypes)
		.filter(([uid, contentType]) => uid.startsWith("api::") && !isHidden(contentType))
		.map(([uid]) => uid);
}

function isHidden(contentType: { pluginOptions?: object }): boolean {
	const options = contentType.pluginOptions as { "content-manager"?: { visible?: boolean } } | undefined;
	return options?.["content-manager"]?.visible === false;
}
