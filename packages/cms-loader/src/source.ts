import { readFileSync, writeFileSync } from "node:fs";
import {
	cmsUrl,
	type FetchHooks,
	fetchEntryContent,
	fetchSiteContent,
	mediaStoreDir,
	type SiteContent,
	tokenFromEnv,
	validateDocuments,
} from "@aide/cms-client";
import type { Category, FaqEntry } from "@aide/content-schema";
import { localiseMedia } from "./media.ts";
import { buildSiteModel, type SiteEntry } from "./site-model.ts";
import type { SettingsDocuments } from "./site-settings.ts";

type Env = Record<string, string | undefined>;

/** Reads a snapshot written by {@link writeSnapshot}, validating it as if it came from the CMS. */
export function readSnapshot(file: string): SiteContent {
	let parsed: SiteContent;
	try {
		parsed = JSON.parse(readFileSync(file, "utf8")) as SiteContent;
	} catch (error) {
		throw new Error(
			`The snapshot ${file} cannot be read as JSON (${(error as Error).message}). Make a new one with \`npm run snapshot\`.`,
			{
				cause: error,
			},
		);
	}
	const locales = Object.fromEntries(
		Object.entries(parsed.locales ?? {}).map(([locale, content]) => [
			locale,
			{
				entries: validateDocuments<FaqEntry>("faq-entry", locale, content.entries ?? []),
				categories: validateDocuments<Category>("category", locale, content.categories ?? []),
			},
		]),
	);
	return { fetchedAt: parsed.fetchedAt, locales };
}

/**
 * Writes the published content to a JSON file, so that the site can be built without the CMS; with
 * the site settings when given (read back by readSnapshotSettings, site-settings.ts).
 */
export function writeSnapshot(file: string, content: SiteContent & { readonly settings?: SettingsDocuments }): void {
	writeFileSync(file, `${JSON.stringify(content, null, 1)}\n`);
}

/**
 * The site's content: from the snapshot named by `AIDE_SNAPSHOT` when set, otherwise from the CMS at
 * `CMS_URL` (default: the local CMS) with `CMS_TOKEN` (default: the local CMS's site token).
 */
export async function loadSiteContent(
	env: Env = process.env,
	onRetry?: (message: string) => void,
	hooks: FetchHooks = {},
): Promise<SiteContent> {
	const snapshot = env.AIDE_SNAPSHOT?.trim();
	if (snapshot) return readSnapshot(snapshot);
	return fetchSiteContent({ url: cmsUrl(env), token: tokenFromEnv("CMS_TOKEN", "site", env), ...(onRetry ? { onRetry } : {}) }, hooks);
}

/**
 * Every locale's version of one entry, as its pages show them, from the CMS at `CMS_URL`: the
 * published versions with `CMS_TOKEN` (default: the local CMS's site token), the drafts with
 * `CMS_PREVIEW_TOKEN` (default: the local CMS's preview token).
 */
export async function loadEntryVersions(documentId: string, status: "draft" | "published", env: Env = process.env): Promise<SiteEntry[]> {
	const token = status === "draft" ? tokenFromEnv("CMS_PREVIEW_TOKEN", "preview", env) : tokenFromEnv("CMS_TOKEN", "site", env);
	const model = buildSiteModel(await fetchEntryContent({ url: cmsUrl(env), token, retries: 1 }, documentId, status));
	const versions = model.entries.filter((entry) => entry.documentId === documentId);
	// A draft's images go into the store like a published one's; only a build copies them where readers are served.
	return localiseMedia(versions, { cmsUrl: cmsUrl(env), token: () => token, store: mediaStoreDir() });
}

/**
 * The entries with their images brought into the site (media.ts), read from the CMS at `CMS_URL` with
 * `CMS_TOKEN` (default: the local CMS's site token), also when the content came from a snapshot.
 */
export function withSiteMedia(
	entries: readonly SiteEntry[],
	env: Env = process.env,
	warn?: (message: string) => void,
): Promise<SiteEntry[]> {
	return localiseMedia(entries, {
		cmsUrl: cmsUrl(env),
		token: () => tokenFromEnv("CMS_TOKEN", "site", env),
		store: mediaStoreDir(),
		...(warn ? { warn } : {}),
	});
}

/** One entry as its page would show it, draft or published, in one locale; undefined when it has no such version. */
export async function loadEntryPreview(
	target: { documentId: string; locale: string; status: "draft" | "published" },
	env: Env = process.env,
): Promise<SiteEntry | undefined> {
	return (await loadEntryVersions(target.documentId, target.status, env)).find((entry) => entry.locale === target.locale);
}
