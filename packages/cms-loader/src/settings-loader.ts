import { localeCodes } from "@aide/locales";
import type { Loader } from "astro/loaders";
import { accentWarning } from "./accent-contrast.ts";
import { loadSiteSettings, toSiteSettings } from "./site-settings.ts";
import { withSettingsLogos } from "./site-settings-logo.ts";

/**
 * The Astro loader of the `settings` collection: one item per locale, its id the locale's code, with
 * empty fields where the locale has no published settings (an empty collection would make Astro warn
 * on every page that reads it, and no settings is the usual case). The settings are read and validated, and their logo brought into the
 * site (site-settings-logo.ts), first; the store is replaced only then, so a failed read changes nothing (and fails the build, naming the field and the locale).
 */
export function siteSettingsLoader(): Loader {
	return {
		name: "aide-cms-settings",
		async load({ store, logger, parseData, generateDigest }) {
			const documents = await loadSiteSettings(process.env, (message) => logger.warn(message));
			const logos = await withSettingsLogos(documents);
			const items = await Promise.all(
				localeCodes.map(async (locale) => ({
					id: locale,
					data: await parseData({ id: locale, data: { ...toSiteSettings(locale, documents[locale] ?? null, logos) } }),
				})),
			);
			store.clear();
			for (const { id, data } of items) store.set({ id, data, digest: generateDigest(data) });
			const colours = new Set(items.flatMap(({ data }) => (typeof data.accentColor === "string" ? [data.accentColor] : [])));
			for (const colour of colours) {
				const warning = accentWarning(colour);
				if (warning) logger.warn(warning);
			}
			const set = localeCodes.filter((locale) => documents[locale]);
			const missing = localeCodes.filter((locale) => !documents[locale]);
			logger.info(
				set.length === 0
					? "No site settings are published: every locale shows the defaults."
					: `Site settings for ${set.join(", ")}${missing.length > 0 ? `; the defaults for ${missing.join(", ")}, which have none published` : ""}.`,
			);
		},
	};
}
