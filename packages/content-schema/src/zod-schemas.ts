import { z } from "zod";
import type { LoadedComponent, LoadedModel } from "./load-models.ts";
import type { Attribute } from "./model-schema.ts";
import { patternRule } from "./pattern-rules.ts";

/** What Strapi lets a uid hold when its model gives no regex (its own UID_REGEX). */
const STRAPI_UID = /^[A-Za-z0-9-_.~]*$/;

/**
 * A text attribute: non-empty when required, and matching the model's `regex` as Strapi checks it on
 * save (an empty value of an optional field passes). A uid (a slug) names a page's folder and a part
 * of its URL: it must also match Strapi's own uid rule when the model sets none, and may not be "." or
 * "..", which every URL resolver and file system reads as "this folder" or "the one above".
 */
function textZod(attribute: Extract<Attribute, { type: "string" | "text" | "richtext" | "email" | "uid" }>): z.ZodType {
	const pattern = attribute.regex === undefined ? undefined : new RegExp(attribute.regex);
	let schema = attribute.required ? z.string().trim().min(1, "must not be empty") : z.string();
	if (pattern) {
		schema = schema.refine((value) => (!attribute.required && value === "") || pattern.test(value), patternRule(attribute.regex ?? ""));
	}
	if (attribute.type === "uid") {
		if (!pattern) schema = schema.regex(STRAPI_UID, 'must hold only letters, digits, "-", "_", "." and "~"');
		schema = schema.refine((value) => value !== "." && value !== "..", 'must not be "." or "..": it names a folder of the site');
	}
	return attribute.required ? schema : schema.nullable().optional();
}

/**
 * A file of the media library as the REST API returns it when populated: what a page needs to show
 * it (its URL on the CMS, its text alternative and size); Strapi's other fields pass through.
 */
export const mediaSchema = z.looseObject({
	url: z.string().min(1, "must not be empty"),
	mime: z.string(),
	name: z.string().optional(),
	alternativeText: z.string().nullable().optional(),
	width: z.number().int().nullable().optional(),
	height: z.number().int().nullable().optional(),
});

type Components = ReadonlyMap<string, LoadedComponent>;

/** The zod schema of one attribute as the REST API returns it. Relations, media and components are there only when populated. */
function attributeZod(attribute: Attribute, components: Components): z.ZodType {
	const optional = (schema: z.ZodType) => (attribute.required ? schema : schema.nullable().optional());
	switch (attribute.type) {
		case "string":
		case "text":
		case "richtext":
		case "email":
		case "uid":
			return textZod(attribute);
		case "integer":
		case "biginteger":
			return optional(z.number().int());
		case "decimal":
		case "float":
			return optional(z.number());
		case "boolean":
			return optional(z.boolean());
		case "date":
		case "datetime":
			return optional(z.string());
		case "enumeration":
			return optional(z.enum(attribute.enum as [string, ...string[]]));
		case "media":
			return optional(attribute.multiple ? z.array(mediaSchema) : mediaSchema);
		case "component": {
			const component = components.get(attribute.component);
			if (!component) {
				throw new Error(
					`The component "${attribute.component}" is not loaded: read the models with loadContentModels(), which reads components/ too.`,
				);
			}
			const fields = z.looseObject(
				Object.fromEntries(Object.entries(component.component.attributes).map(([name, field]) => [name, attributeZod(field, components)])),
			);
			return optional(attribute.repeatable ? z.array(fields) : fields);
		}
		case "relation": {
			const target = z.looseObject({ documentId: z.string().min(1) });
			return attribute.relation === "manyToOne" || attribute.relation === "oneToOne"
				? target.nullable().optional()
				: z.array(target).optional();
		}
		default:
			return z.unknown();
	}
}

/**
 * The schema of one document of `model` as the REST API returns it (`/api/<plural>`), derived from the
 * content model: the system fields every localized document has, then each attribute.
 */
export function restSchemaFor({ model, components = new Map() }: LoadedModel) {
	return z.looseObject({
		documentId: z.string().min(1),
		locale: z.string().min(2),
		updatedAt: z.string(),
		publishedAt: z.string().nullable().optional(),
		...Object.fromEntries(Object.entries(model.attributes).map(([name, attribute]) => [name, attributeZod(attribute, components)])),
	});
}
