export { ContentModelError } from "./errors.ts";
export { type LoadedComponent, type LoadedModel, loadComponents, loadContentModels, parseModel } from "./load-models.ts";
export {
	type Attribute,
	attributeSchema,
	type ComponentModel,
	type ContentModel,
	componentModelSchema,
	contentModelSchema,
} from "./model-schema.ts";
export { PATTERN_RULES, patternRule } from "./pattern-rules.ts";
export {
	type GeneratedFile,
	isInternalModel,
	type SyncReport,
	strapiComponentFile,
	strapiFilesFor,
	syncStrapiApi,
} from "./strapi-files.ts";

import { fileURLToPath } from "node:url";

/** The repository's `content-models/` folder: the one definition of every content type. */
export const contentModelsDir = fileURLToPath(new URL("../../../content-models/", import.meta.url));

export { generatedTypesFile, generateTypes, syncGeneratedTypes } from "./generate-types.ts";
export type { Category, CategoryRef, FaqEntry, FaqEntryRef, Media, SiteFooterLink, SiteSetting } from "./generated/types.ts";
export { mediaSchema, restSchemaFor } from "./zod-schemas.ts";
