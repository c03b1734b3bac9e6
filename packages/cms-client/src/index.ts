export { type ClientOptions, CmsError, fetchAll, fetchOne } from "./client.ts";
export { type FetchHooks, fetchEntryContent, fetchSiteContent, type SiteContent, validateDocuments } from "./content.ts";
export { describeDocument, quoteTitle } from "./describe.ts";
export { cmsUrl, localCmsDataDir, tokenFromEnv } from "./local-cms.ts";
