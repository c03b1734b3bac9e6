// The site build: Astro renders apps/site into a new build folder, Pagefind indexes it, its text
// files get compressed copies, and the folder is put live by an atomic swap; the build's manifest
// says where each entry's pages are (see each module's header).
export { BUILDS_PER_PROCESS, type BuildOutcome, buildHeapMb, LARGE_SITE_PAGES, SiteBuilder } from "./build-process.ts";
export {
	buildsPruned,
	distPath,
	dropLinkedCopy,
	linkedCopyOfLive,
	liveBuild,
	newBuildDir,
	pathInside,
	prepareLinkedCopy,
	promoteBuild,
	removeBuild,
	removeSite,
	replaceFile,
} from "./builds.ts";
export { idsOf, indexDelta } from "./index-delta.ts";
export { DELTA_FILE, DELTA_FOLDER, IndexError, indexSite, pageUrl, type SearchDelta, searchedCopy } from "./index-site.ts";
export { NON_BREAKING_SPACES, plainTypography, TYPOGRAPHIC_APOSTROPHES } from "./index-typography.ts";
export {
	type BuildManifest,
	type EntryChanges,
	type EntryPage,
	entryChangesSchema,
	MANIFEST_FILE,
	MEDIA_FILE_NAME,
	pageFile,
	readBuildManifest,
	writeBuildManifest,
} from "./manifest.ts";
export { copyBuildMedia, linkMedia, MEDIA_DIR } from "./media.ts";
export { pagefindBinary } from "./pagefind-binary.ts";
export { COMPRESSIBLE, COPY_SUFFIX, MIN_BYTES, precompressFiles, precompressSite } from "./precompress.ts";
