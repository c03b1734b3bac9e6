// What the CMS (apps/cms) and its clients (the import, the portal, the test helpers) agree on,
// written once. Plain JavaScript with a hand-written index.d.ts, so that the CMS, compiled by tsc to
// CommonJS, loads it with require() of ESM instead of pulling it into its own compilation.
export {
	CATEGORY_COLLECTION,
	CATEGORY_UID,
	ENTRY_COLLECTION,
	ENTRY_UID,
	INSIGHT_FEEDBACK_UID,
	INSIGHT_SEARCH_UID,
	SETTINGS_PATH,
	SETTINGS_UID,
} from "./content-types.js";
export { isOutdatedTranslation } from "./freshness.js";
export {
	INSIGHT_BATCH_LIMITS,
	INSIGHT_COMMENT_MAX_LENGTH,
	INSIGHT_COMMENTS_KEPT,
	INSIGHT_DOCUMENT_ID_PATTERN,
	INSIGHT_QUERY_MAX_LENGTH,
	INSIGHT_REASONS,
	INSIGHT_REPORT_DAYS,
	INSIGHT_ROUTES,
	insightQuery,
} from "./insights.js";
export { CMS_READY_PREFIX, cmsReadyLine, saysCmsIsReady } from "./ready-line.js";
export { isDraftSave, REBUILD_EVENTS, readRebuildCall, rebuildReason } from "./rebuild-call.js";
export { AIDE_ROUTES } from "./routes.js";
export { ANCHOR_MAX_LENGTH, SLUG_MAX_LENGTH, SLUG_PATTERN, SlugError, slugFor } from "./slug.js";
