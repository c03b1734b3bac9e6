// The build manifest: what a build holds, for the site service to read without parsing pages. Each
// published entry's documentId -> per locale, the slug, anchor and path of its page, and its
// permalink page (the same for every locale: the page that links to all of them). The site writes
// it as a prerendered endpoint (apps/site/src/pages/build-manifest.json.ts); the render step
// (build-site.ts) moves it out of the public files, to `<buildDir>/manifest.json`, so that readers
// cannot fetch it (it would list every page, the ones not linked yet included).
//
// This module is loaded by the site's build itself (the endpoint): it imports nothing of Astro or Pagefind.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** The file the site's endpoint writes into `<buildDir>/client/` (its page's name under src/pages, without `.ts`). */
export const MANIFEST_ROUTE_FILE = "build-manifest.json";
/** Where the manifest lives in a build folder, beside `client/` and `server/`. */
export const MANIFEST_FILE = "manifest.json";

const MANIFEST_VERSION = 2;

/** A page's URL path, `/<locale>/.../` (the site's trailingSlash is "always"). */
const pagePath = z.string().regex(/^\/(?:[^/]+\/)+$/, "a path such as /fr/faq/<slug>/");

const entryPageSchema = z.object({
	slug: z.string().min(1),
	anchor: z.string().min(1),
	page: pagePath,
	/** The entry's language-neutral link: its id (SiteEntry's permalinkId) and its page. */
	permalink: z.object({ id: z.string().min(1), page: pagePath }),
});

/** A media store's file name, `<name>-<hash8>.<ext>` (@aide/cms-loader's media.ts): one plain name, never a path. */
export const MEDIA_FILE_NAME = /^[a-z0-9_-]{1,60}-[0-9a-f]{8}\.(?:png|jpg|gif|webp|avif)$/;

const buildManifestSchema = z.object({
	version: z.literal(MANIFEST_VERSION),
	/** documentId -> locale -> the entry's page in that locale. */
	entries: z.record(z.string().min(1), z.record(z.string().min(1), entryPageSchema)),
	/** The media store's files the pages show (answers' images, the logo), which the build copies under /media/ (absent from builds made before images). */
	media: z.array(z.string().regex(MEDIA_FILE_NAME, "a media file name such as shot-0123abcd.png")).default([]),
});

export type EntryPage = z.infer<typeof entryPageSchema>;

/**
 * What one changed entry changes on the site, as the site's /internal/<locale>/changed.json route says
 * it to the site service (apps/site/src/pages/internal/[locale]/changed.json.ts, which explains each field).
 */
export const entryChangesSchema = z.union([
	z.object({ refused: z.string() }),
	z.object({
		entry: z.record(z.string().min(1), entryPageSchema),
		moved: z.array(z.string()),
		pages: z.array(z.object({ route: z.string().startsWith("/internal/"), file: z.string().min(1) })),
	}),
]);
export type EntryChanges = z.infer<typeof entryChangesSchema>;
export type BuildManifest = z.output<typeof buildManifestSchema>;

/**
 * The manifest of a build whose entry pages are `entries`, at the paths `pageOf` gives, with their
 * permalink pages at the paths `permalinkOf` gives (the site's own URL rules); its media, the entries'
 * and `otherMedia` (what the pages show besides answers: the settings' logo).
 */
export function manifestOf(
	entries: Iterable<{ documentId: string; locale: string; slug: string; anchor: string; permalinkId: string; media?: readonly string[] }>,
	pageOf: (locale: string, slug: string) => string,
	permalinkOf: (permalinkId: string) => string,
	otherMedia: Iterable<string> = [],
): BuildManifest {
	const manifest: BuildManifest = { version: MANIFEST_VERSION, entries: {}, media: [] };
	const media = new Set<string>(otherMedia);
	for (const { documentId, locale, slug, anchor, permalinkId, media: files = [] } of entries) {
		manifest.entries[documentId] ??= {};
		manifest.entries[documentId][locale] = {
			slug,
			anchor,
			page: pageOf(locale, slug),
			permalink: { id: permalinkId, page: permalinkOf(permalinkId) },
		};
		for (const file of files) media.add(file);
	}
	manifest.media = [...media].sort();
	return manifest;
}

/** The names, under a build's `client/`, of the file a page path is served from: `/fr/faq/x/` -> fr, faq, x, index.html. */
export const pageFile = (page: string): string[] => [...page.split("/").filter(Boolean), "index.html"];

/** Moves the manifest the site wrote among its public files to its place in the build folder (if it wrote one). */
export function setManifestAside(buildDir: string): void {
	const written = join(buildDir, "client", MANIFEST_ROUTE_FILE);
	if (existsSync(written)) renameSync(written, join(buildDir, MANIFEST_FILE));
}

/** Writes `manifest` as the manifest of the build in `buildDir` (a linked copy: the file is replaced, never written into). */
export function writeBuildManifest(buildDir: string, manifest: BuildManifest): void {
	const file = join(buildDir, MANIFEST_FILE);
	rmSync(file, { force: true });
	writeFileSync(file, JSON.stringify(manifest));
}

/**
 * The manifest of the build in `buildDir`, or why there is none that can be trusted (missing, not
 * JSON, not the expected shape). Never throws: a caller without a manifest does the slower thing.
 */
export function readBuildManifest(buildDir: string): { ok: true; manifest: BuildManifest } | { ok: false; reason: string } {
	const file = join(buildDir, MANIFEST_FILE);
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, "utf8"));
	} catch (error) {
		const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
		return {
			ok: false,
			reason: missing
				? `the build has no manifest (${file}): it was made by an older version, or its site wrote none`
				: `the build's manifest ${file} cannot be read as JSON (${(error as Error).message})`,
		};
	}
	const parsed = buildManifestSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
		return { ok: false, reason: `the build's manifest ${file} is not what this version writes${where}: ${issue?.message}` };
	}
	return { ok: true, manifest: parsed.data };
}
