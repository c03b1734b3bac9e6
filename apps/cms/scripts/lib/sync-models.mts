import { join } from "node:path";
import { contentModelsDir, loadContentModels, type SyncReport, syncStrapiApi } from "@aide/content-schema";
import { appDir } from "./paths.mts";

export const apiDir = join(appDir, "src", "api");

/**
 * Puts content-models/ into src/api/ (or, with `check`, only tells what differs).
 * Throws a ContentModelError naming the file and field when a model is broken.
 */
export function syncContentModels({ check = false } = {}): SyncReport {
	return syncStrapiApi(loadContentModels(contentModelsDir), apiDir, { check });
}
