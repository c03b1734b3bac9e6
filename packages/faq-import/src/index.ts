export type {
	ExportedCategory,
	ExportedEntry,
	ExportResponse,
	ImportChange,
	ImportGroup,
	ImportRequest,
	ImportResponse,
	LocalizedEntry,
	PlannedCategory,
	PlannedEntry,
} from "@aide/cms-contract";
export { type CmsTarget, fetchExport, fetchInsights, sendImport, targetFromEnv } from "./client.ts";
export { ImportError, PageRejectedError } from "./errors.ts";
export { findPages } from "./find-pages.ts";
export { identify } from "./locale-of.ts";
export { anchorFor, anchorsFromCms, type PairedGroup, type PairingResult, pairEachPage, pairPages } from "./pair.ts";
export { dedent, type Page, type PageEntry, parsePage, readPage } from "./parse-page.ts";
export { renderCategory } from "./render-page.ts";
export { runExport } from "./run-export.ts";
export { describeSummary, type ImportSummary, runImport } from "./run-import.ts";
export { adminEditUrl, runTranslations, TRANSLATIONS_COLUMNS, translationsCsv } from "./run-translations.ts";
