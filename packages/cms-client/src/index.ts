export { type ClientOptions, CmsError, fetchAll, fetchOne } from "./client.ts";
export { type FetchHooks, fetchEntryContent, fetchSiteContent, type SiteContent, validateDocuments } from "./content.ts";
export { describeDocument, quoteTitle } from "./describe.ts";
export { cmsUrl, localCmsDataDir, mediaStoreDir, tokenFromEnv } from "./local-cms.ts";
export { fetchUploadBytes, fetchUploads, IMAGE_TYPES, type UploadFile, type UploadFormat } from "./uploads.ts";
