// The help center's settings as the pages show them: what support staff set in the CMS (the
// `settings` collection, one item per locale), else the defaults: the name and tagline of the UI
// strings (apps/site/src/i18n/<code>.json) and the stylesheet's own accent colour (styles/global.css).
import { getCollection } from "astro:content";
import { defaultLocale } from "@aide/locales";
import { t } from "../i18n";

export interface ShownSettings {
	readonly name: string;
	readonly tagline: string;
	/** The logo as the site serves it (/media/…, with a srcset when the CMS made smaller versions); null when none is set. */
	readonly logo: { readonly src: string; readonly width: number; readonly height: number; readonly srcset: string | undefined } | null;
	readonly contact: { readonly url: string; readonly label: string } | null;
	readonly footerLinks: ReadonlyArray<{ readonly label: string; readonly url: string }>;
}

/** The settings of `locale`, each field that is not set replaced by its default. */
export async function siteSettings(locale: string): Promise<ShownSettings> {
	// Not getEntry: it logs a warning for a locale without settings, on every page, where the defaults are the normal case.
	const set = (await getCollection("settings")).find((entry) => entry.id === locale)?.data;
	return {
		name: set?.name ?? t(locale, "site.name"),
		tagline: set?.tagline ?? t(locale, "site.tagline"),
		logo: set?.logo ? { src: set.logo.src, width: set.logo.width, height: set.logo.height, srcset: set.logo.srcset } : null,
		contact: set?.contact ? { url: set.contact.url, label: set.contact.label ?? t(locale, "contact.label") } : null,
		footerLinks: set?.footerLinks ?? [],
	};
}

/** The media store's files the settings' logos show, for the build manifest (the build copies them under /media/). */
export async function settingsMedia(): Promise<string[]> {
	return (await getCollection("settings")).flatMap((entry) => entry.data.logo?.files ?? []);
}

/**
 * The main colour, shared by all locales: the default locale's settings, else any locale's; null
 * when none sets it (the stylesheet's own colours stay).
 */
export async function accentColor(): Promise<string | null> {
	const all = (await getCollection("settings")).map((entry) => entry.data);
	const preferred = [...all.filter((settings) => settings.locale === defaultLocale), ...all];
	const colour = preferred.find((settings) => settings.accentColor !== null)?.accentColor ?? null;
	// Checked by the CMS and the loader already; it is written into a stylesheet, so once more here.
	return colour !== null && /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(colour) ? colour : null;
}
