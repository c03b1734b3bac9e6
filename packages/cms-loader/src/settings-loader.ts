import type { Loader } from "astro/loaders";
import { loadSiteSettings, toSiteSettings } from "./site-settings.ts";

/**
 * The Astro loader of the `settings` collection: one item per locale that has published settings,
 * its id the locale's code. The settings are read and validated first; the store is replaced only
 * then, so a failed read changes nothing (and fails the build, naming the field and the locale).
 */
export function siteSettingsLoader(): Loader {
	return {
		name: "aide-cms-settings",
		async load({ store, logger, parseData, generateDigest }) {
			const documents = await loadSiteSettings(process.env, (message) => logger.warn(message));
			const items = await Promise.all(
				Object.entries(documents).flatMap(([locale, document]) =>
					document ? [parseData({ id: locale, data: { ...toSiteSettings(locale, document) } }).then((data) => ({ id: locale, data }))] : [],
				),
			);
			store.clear();
			for (const { id, data } of items) store.set({ id, data, digest: generateDigest(data) });
			const missing = Object.entries(documents).flatMap(([locale, document]) => (document ? [] : [locale]));
			const set = items.map((item) => item.id);
			logger.info(
				set.length === 0
					? "No site settings are published: every locale shows the defaults."
					: `Site settings for ${set.join(", ")}${missing.length > 0 ? `; the defaults for ${missing.join(", ")}, which have none published` : ""}.`,
			);
		},
	};
}
