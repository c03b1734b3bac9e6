export { cmsLoader } from "./loader.ts";
export { buildSiteModel, type SiteCategory, type SiteEntry } from "./site-model.ts";
export { loadEntryPreview, loadEntryVersions, loadSiteContent, readSnapshot, writeSnapshot } from "./source.ts";
