export { cmsLoader } from "./loader.ts";
export { IMAGE_SIZES, type LocalUpload, localiseMedia, localiseUpload, MEDIA_PATH, type MediaOptions } from "./media.ts";
export { siteSettingsLoader } from "./settings-loader.ts";
export { buildSiteModel, type SiteCategory, type SiteEntry } from "./site-model.ts";
export {
	fetchSiteSettings,
	loadSiteSettings,
	readSnapshotSettings,
	type SettingsDocuments,
	type SiteSettings,
	toSiteSettings,
	validateSettings,
} from "./site-settings.ts";
export { localiseLogos, withSettingsLogos } from "./site-settings-logo.ts";
export { loadEntryPreview, loadEntryVersions, loadSiteContent, readSnapshot, withSiteMedia, writeSnapshot } from "./source.ts";
