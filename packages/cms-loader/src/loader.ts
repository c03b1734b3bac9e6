import type { Loader } from "astro/loaders";
import { answerRenderer, buildSiteModel, renderAhead, type SiteCategory, type SiteEntry } from "./site-model.ts";
import { loadSiteContent, withSiteMedia } from "./source.ts";

type Collection = "entries" | "categories";
type SiteModel = { entries: SiteEntry[]; categories: SiteCategory[] };

/** The fetch of the build in progress, and the collections that have taken it. */
let shared: { model: Promise<SiteModel>; takenBy: Set<Collection> } | undefined;

/**
 * One fetch per build, shared by both collections: each collection loads once per build, so a
 * collection that already took the current fetch starts the next build's (a long-lived render
 * process builds many times).
 */
function siteModel(collection: Collection, log: (message: string) => void): Promise<SiteModel> {
	if (!shared || shared.takenBy.has(collection)) {
		// Answers are rendered as their pages arrive, while the CMS prepares the next ones.
		const render = answerRenderer();
		const onEntries = (_locale: string, documents: readonly unknown[]) => renderAhead(documents, render);
		const fetched = {
			model: loadSiteContent(process.env, log, { onEntries }).then(async (content) => {
				const { entries, categories } = buildSiteModel(content, render);
				return { entries: await withSiteMedia(entries, process.env, log), categories };
			}),
			takenBy: new Set<Collection>(),
		};
		// A failed fetch is not handed to a later build (the build that asked for it fails with it).
		fetched.model.catch(() => {
			if (shared === fetched) shared = undefined;
		});
		shared = fetched;
	}
	shared.takenBy.add(collection);
	return shared.model;
}

/**
 * Astro loaders for the `entries` and `categories` collections. The whole content is fetched and
 * validated first; the store is replaced only then, so a failed fetch changes nothing (and fails the build).
 */
export function cmsLoader(collection: Collection): Loader {
	return {
		name: `aide-cms-${collection}`,
		async load({ store, logger, parseData, generateDigest }) {
			const { entries, categories } = await siteModel(collection, (message) => logger.warn(message));
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
