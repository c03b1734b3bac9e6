// The help center's settings as the pages show them: what support staff set in the CMS (the
// `settings` collection, one item per locale), else the defaults: the name and tagline of the UI
// strings (apps/site/src/i18n/<code>.json) and the stylesheet's own accent colour (styles/global.css).
import { getCollection } from "astro:content";
import type { SiteSettings } from "@aide/cms-loader";
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

/**
 * The `settings` collection, read once per build: a build's content never changes while it renders (the
 * next build brings its own copy of this module), and every page asks for the settings seven times
 * (head, header, footer, contact line...), which at 20,000 pages was 140,000 reads of the collection.
 */
let everyLocale: Promise<Array<{ readonly id: string; readonly data: SiteSettings }>> | undefined;
function allSettings(): Promise<Array<{ readonly id: string; readonly data: SiteSettings }>> {
	if (!everyLocale) {
		const read = getCollection("settings");
		// A failed read is not kept: the next page asks again (and fails with its own error).
		read.catch(() => {
			if (everyLocale === read) everyLocale = undefined;
		});
		everyLocale = read;
	}
	return everyLocale;
}

const shownByLocale = new Map<string, ShownSettings>();

/** The settings of `locale`, each field that is not set replaced by its default. */
export async function siteSettings(locale: string): Promise<ShownSettings> {
	const all = await allSettings();
	let shown = shownByLocale.get(locale);
	if (!shown) {
		// Not getEntry: it logs a warning for a locale without settings, on every page, where the defaults are the normal case.
		const set = all.find((item) => item.id === locale)?.data;
		shown = {
			name: set?.name ?? t(locale, "site.name"),
			tagline: set?.tagline ?? t(locale, "site.tagline"),
			logo: set?.logo ? { src: set.logo.src, width: set.logo.width, height: set.logo.height, srcset: set.logo.srcset } : null,
			contact: set?.contact ? { url: set.contact.url, label: set.contact.label ?? t(locale, "contact.label") } : null,
			footerLinks: set?.footerLinks ?? [],
		};
		shownByLocale.set(locale, shown);
	}
	return shown;
}

/** The media store's files the settings' logos show, for the build manifest (the build copies them under /media/). */
export async function settingsMedia(): Promise<string[]> {
	return (await allSettings()).flatMap((item) => item.data.logo?.files ?? []);
}

/**
 * The main colour, shared by all locales: the default locale's settings, else any locale's; null
 * when none sets it (the stylesheet's own colours stay).
 */
export async function accentColor(): Promise<string | null> {
	const all = (await allSettings()).map((item) => item.data);
	const preferred = [...all.filter((settings) => settings.locale === defaultLocale), ...all];
	const colour = preferred.find((settings) => settings.accentColor !== null)?.accentColor ?? null;
	// Checked by the CMS and the loader already; it is written into a stylesheet, so once more here.
	return colour !== null && /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(colour) ? colour : null;
}
