export { ContentModelError } from "./errors.ts";
export { type LoadedModel, loadContentModels, parseModel } from "./load-models.ts";
export { type Attribute, attributeSchema, type ContentModel, contentModelSchema } from "./model-schema.ts";
export { type GeneratedFile, type SyncReport, strapiFilesFor, syncStrapiApi } from "./strapi-files.ts";

import { fileURLToPath } from "node:url";

/** The repository's `content-models/` folder: the one definition of every content type. */
export const contentModelsDir = fileURLToPath(new URL("../../../content-models/", import.meta.url));

export { generatedTypesFile, generateTypes, syncGeneratedTypes } from "./generate-types.ts";
export type { Category, CategoryRef, FaqEntry, FaqEntryRef } from "./generated/types.ts";
export { restSchemaFor } from "./zod-schemas.ts";
