import type { Loader } from "astro/loaders";
import { answerRenderer, buildSiteModel, renderAhead, type SiteCategory, type SiteEntry } from "./site-model.ts";
import { loadSiteContent } from "./source.ts";

/** Without a build id (AIDE_BUILD_ID, set per build by the site's build), loaders share a fetch this long. */
const SHARED_FOR_MS = 10_000;
let shared: { key: string; at: number; model: Promise<{ entries: SiteEntry[]; categories: SiteCategory[] }> } | undefined;

/** One fetch per build, shared by both collections; a later build in the same process fetches again. */
function siteModel(log: (message: string) => void) {
	const key = process.env.AIDE_BUILD_ID ?? "";
	if (!shared || shared.key !== key || (!key && Date.now() - shared.at > SHARED_FOR_MS)) {
		// Answers are rendered as their pages arrive, while the CMS prepares the next ones.
		const render = answerRenderer();
		const onEntries = (_locale: string, documents: readonly unknown[]) => renderAhead(documents, render);
		shared = {
			key,
			at: Date.now(),
			model: loadSiteContent(process.env, log, { onEntries }).then((content) => buildSiteModel(content, render)),
		};
	}
	return shared.model;
}

/**
 * Astro loaders for the `entries` and `categories` collections. The whole content is fetched and
 * validated first; the store is replaced only then, so a failed fetch changes nothing (and fails the build).
 */
export function cmsLoader(collection: "entries" | "categories"): Loader {
	return {
		name: `aide-cms-${collection}`,
		async load({ store, logger, parseData, generateDigest }) {
			const { entries, categories } = await siteModel((message) => logger.warn(message));
			const items = collection === "entries" ? entries : categories;
			const parsed = await Promise.all(
				items.map(async (item) => ({
					id: `${item.locale}/${item.slug}`,
					data: await parseData({ id: `${item.locale}/${item.slug}`, data: { ...item } as Record<string, unknown> }),
				})),
			);
			store.clear();
			// The answer's HTML is in the data (pages read it there), not again as `rendered`: the store is
			// serialised into the build, and at 20,000 entries every copy costs seconds and megabytes.
			for (const { id, data } of parsed) store.set({ id, data, digest: generateDigest(data) });
			logger.info(
				`${items.length} ${collection} from ${process.env.AIDE_SNAPSHOT ? `the snapshot ${process.env.AIDE_SNAPSHOT}` : "the CMS"}.`,
			);
		},
	};
}
