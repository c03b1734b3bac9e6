// The logo of the site settings, brought into the site as answers' images are (media.ts): the settings
// name a file of the CMS's media library (`/uploads/…`), which readers never reach; the build reads it
// from the CMS at CMS_URL with its token (also when the settings come from a snapshot), keeps it in the
// media store under a name hashed from its bytes, and the header shows the site's /media/ copy. The
// settings loader lists its files with the settings, so the build manifest has the build copy them.
// A logo that cannot be shown fails the build, naming the field, the settings and what to do.
import { type ClientOptions, CmsError, cmsUrl, describeDocument, fetchUploads, mediaStoreDir, tokenFromEnv } from "@aide/cms-client";
import type { SiteSetting } from "@aide/content-schema";
import { type LocalUpload, localiseUpload, type MediaOptions, uploadPath } from "./media.ts";
import type { SettingsDocuments } from "./site-settings.ts";

type Env = Record<string, string | undefined>;

/** What an editor does about a logo the site cannot show. */
const WHAT_TO_DO =
	"Choose the logo again from the media library in the CMS's site settings (or remove it), then publish the settings again.";

/** The settings documents that show a logo, grouped by the logo's URL. */
function logosOf(documents: SettingsDocuments): Map<string, Array<{ locale: string; document: SiteSetting }>> {
	const byUrl = new Map<string, Array<{ locale: string; document: SiteSetting }>>();
	for (const [locale, document] of Object.entries(documents)) {
		const url = document?.logo?.url;
		if (!document || !url) continue;
		byUrl.set(url, [...(byUrl.get(url) ?? []), { locale, document }]);
	}
	return byUrl;
}

/**
 * The logo of each settings document brought into the site, by the logo's URL as the settings give
 * it. The CMS is asked nothing when no settings show a logo.
 */
export async function localiseLogos(documents: SettingsDocuments, options: MediaOptions): Promise<Map<string, LocalUpload>> {
	const localised = new Map<string, LocalUpload>();
	const logos = logosOf(documents);
	if (logos.size === 0) return localised;
	const cms: ClientOptions = { url: options.cmsUrl, token: options.token() };
	for (const [url, uses] of logos) {
		const [first] = uses;
		const where = `The site settings ${describeDocument(first?.document, uses.map((use) => use.locale).join(", "))}`;
		const fail = (what: string) =>
			new CmsError(`${where} show the logo ${JSON.stringify(url)} (field "logo"), which ${what}. ${WHAT_TO_DO}`);
		const path = uploadPath(url, options.cmsUrl)?.path;
		if (!path) throw fail("is not a file of the CMS's media library (/uploads/…)");
		const uploads = await fetchUploads(cms, [path]).catch((error: unknown) => {
			if (!(error instanceof CmsError)) throw error;
			throw new CmsError(
				`${where} show the logo ${JSON.stringify(url)} (field "logo"), an image of the CMS's media library, which must be read from the CMS, also when the content comes from a snapshot. ${error.message}`,
				error.status,
				{ cause: error },
			);
		});
		const upload = uploads.get(path);
		if (!upload) throw fail("the CMS's media library does not hold (it was deleted)");
		localised.set(url, await localiseUpload(cms, options.store, path, upload, fail));
	}
	return localised;
}

/**
 * The settings' logos brought into the site, read from the CMS at `CMS_URL` with `CMS_TOKEN` (default:
 * the local CMS's site token), also when the settings came from a snapshot (as source.ts's withSiteMedia).
 */
export function withSettingsLogos(documents: SettingsDocuments, env: Env = process.env): Promise<Map<string, LocalUpload>> {
	return localiseLogos(documents, { cmsUrl: cmsUrl(env), token: () => tokenFromEnv("CMS_TOKEN", "site", env), store: mediaStoreDir() });
}
