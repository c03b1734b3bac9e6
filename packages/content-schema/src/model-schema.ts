import { z } from "zod";

/** Names Strapi accepts for content types and attributes: kebab-case singular/plural names, camelCase attributes. */
const kebab = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, "must be kebab-case (lowercase letters, digits, dashes)");

const i18nOptions = z.object({ i18n: z.object({ localized: z.boolean() }).strict() }).strict();

/** Shown or hidden in the admin: the insight aggregates are read through their own page, never edited. */
const visible = z.object({ visible: z.boolean() }).strict();
const typeOptions = z
	.object({
		i18n: z.object({ localized: z.boolean() }).strict().optional(),
		"content-manager": visible.optional(),
		"content-type-builder": visible.optional(),
	})
	.strict();

const common = {
	required: z.boolean().optional(),
	private: z.boolean().optional(),
	configurable: z.boolean().optional(),
	pluginOptions: i18nOptions.optional(),
};

/** A pattern values must match: Strapi checks it on save, the site's loader on read (zod-schemas.ts). */
const regex = z
	.string()
	.refine((source) => isRegExp(source), "is not a valid regular expression")
	.optional();

const text = (type: "string" | "text" | "richtext" | "email") =>
	z
		.object({
			type: z.literal(type),
			...common,
			unique: z.boolean().optional(),
			minLength: z.number().int().nonnegative().optional(),
			maxLength: z.number().int().positive().optional(),
			regex,
			default: z.string().optional(),
		})
		.strict();

const number = (type: "integer" | "biginteger" | "decimal" | "float") =>
	z
		.object({
			type: z.literal(type),
			...common,
			unique: z.boolean().optional(),
			min: z.number().optional(),
			max: z.number().optional(),
			default: z.number().optional(),
		})
		.strict();

const uid = z
	.object({
		type: z.literal("uid"),
		...common,
		targetField: z.string().optional(),
		// Strapi checks a uid against its regex on publish (and the CMS on every save); without one, it allows `.` and `~`.
		regex,
		options: z.record(z.string(), z.unknown()).optional(),
	})
	.strict();

const relation = z
	.object({
		type: z.literal("relation"),
		...common,
		relation: z.enum(["oneToOne", "oneToMany", "manyToOne", "manyToMany"]),
		target: z.string().regex(/^api::[a-z0-9-]+\.[a-z0-9-]+$/, 'must look like "api::name.name"'),
		inversedBy: z.string().optional(),
		mappedBy: z.string().optional(),
	})
	.strict();

const simple = (type: "boolean" | "date" | "datetime" | "json" | "blocks") =>
	z.object({ type: z.literal(type), ...common, default: z.unknown().optional() }).strict();

const enumeration = z
	.object({ type: z.literal("enumeration"), ...common, enum: z.array(z.string()).min(1), default: z.string().optional() })
	.strict();

const media = z
	.object({
		type: z.literal("media"),
		...common,
		multiple: z.boolean().optional(),
		allowedTypes: z.array(z.enum(["images", "videos", "files", "audios"])).optional(),
	})
	.strict();

/** A component (a group of fields, `<category>.<name>`), once or as a list (`repeatable`). */
const component = z
	.object({
		type: z.literal("component"),
		...common,
		component: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'must look like "category.name"'),
		repeatable: z.boolean().optional(),
		min: z.number().int().nonnegative().optional(),
		max: z.number().int().positive().optional(),
	})
	.strict();

/** The attributes a component may hold: fields only, no relation and no component inside (Aide needs neither). */
const fieldAttributes = [
	text("string"),
	text("text"),
	text("richtext"),
	text("email"),
	number("integer"),
	number("biginteger"),
	number("decimal"),
	number("float"),
	simple("boolean"),
	simple("date"),
	simple("datetime"),
	simple("json"),
	enumeration,
	media,
] as const;

/** One attribute of a component, in Strapi's schema format. */
export const componentAttributeSchema = z.discriminatedUnion("type", [...fieldAttributes]);

/** One attribute of a content type, in Strapi's schema format. */
export const attributeSchema = z.discriminatedUnion("type", [...fieldAttributes, uid, relation, simple("blocks"), component]);

/** A content-type file of `content-models/`, in Strapi's `schema.json` format. */
export const contentModelSchema = z
	.object({
		kind: z.enum(["collectionType", "singleType"]),
		collectionName: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case"),
		info: z
			.object({
				singularName: kebab,
				pluralName: kebab,
				displayName: z.string().min(1),
				description: z.string().optional(),
			})
			.strict(),
		options: z.object({ draftAndPublish: z.boolean() }).strict(),
		pluginOptions: typeOptions.optional(),
		attributes: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "attribute names must be camelCase"), attributeSchema),
	})
	.strict();

/** A component file of `content-models/components/<category>/<name>.json`, in Strapi's component format. */
export const componentModelSchema = z
	.object({
		collectionName: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case"),
		info: z.object({ displayName: z.string().min(1), description: z.string().optional(), icon: z.string().optional() }).strict(),
		options: z.object({}).strict(),
		attributes: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "attribute names must be camelCase"), componentAttributeSchema),
	})
	.strict();

export type Attribute = z.infer<typeof attributeSchema>;
export type ComponentAttribute = z.infer<typeof componentAttributeSchema>;
export type ContentModel = z.infer<typeof contentModelSchema>;
export type ComponentModel = z.infer<typeof componentModelSchema>;

function isRegExp(source: string): boolean {
	try {
		new RegExp(source);
		return true;
	} catch {
		return false;
	}
}
