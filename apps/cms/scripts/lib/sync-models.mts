import { join } from "node:path";
import {
	contentModelsDir,
	generatedTypesFile,
	loadContentModels,
	type SyncReport,
	syncGeneratedTypes,
	syncStrapiApi,
} from "@aide/content-schema";
import { appDir } from "./paths.mts";

export const apiDir = join(appDir, "src", "api");

/**
 * Puts content-models/ into src/api/ and the site's generated types (or, with `check`, only tells what differs).
 * Throws a ContentModelError naming the file and field when a model is broken.
 */
export function syncContentModels({ check = false } = {}): SyncReport {
	const models = loadContentModels(contentModelsDir);
	const report = syncStrapiApi(models, apiDir, { check });
	const typesChanged = syncGeneratedTypes(models, { check });
	return typesChanged ? { ...report, changed: [...report.changed, generatedTypesFile] } : report;
}
