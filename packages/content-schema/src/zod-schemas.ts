import { z } from "zod";
import type { LoadedModel } from "./load-models.ts";
import type { Attribute } from "./model-schema.ts";

/** The zod schema of one attribute as the REST API returns it. Relations are there only when populated. */
function attributeZod(attribute: Attribute): z.ZodType {
	const optional = (schema: z.ZodType) => (attribute.required ? schema : schema.nullable().optional());
	switch (attribute.type) {
		case "string":
		case "text":
		case "richtext":
		case "email":
		case "uid":
			return attribute.required ? z.string().trim().min(1, "must not be empty") : z.string().nullable().optional();
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
export function restSchemaFor({ model }: LoadedModel) {
	return z.looseObject({
		documentId: z.string().min(1),
		locale: z.string().min(2),
		updatedAt: z.string(),
		publishedAt: z.string().nullable().optional(),
		...Object.fromEntries(Object.entries(model.attributes).map(([name, attribute]) => [name, attributeZod(attribute)])),
	});
}
