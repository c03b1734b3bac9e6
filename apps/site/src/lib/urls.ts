import { defaultLocale, locales, textDirection } from "@aide/locales";

export const homeUrl = (locale: string) => `/${locale}/`;
/** The full FAQ page: every answer under its anchor (the seed's shape), one click from the home. */
export const faqUrl = (locale: string) => `/${locale}/faq/`;
export const entryUrl = (locale: string, slug: string) => `/${locale}/faq/${slug}/`;
export const categoryUrl = (locale: string, slug: string) => `/${locale}/category/${slug}/`;
/** An entry's language-neutral link, which sends each reader to its version in their language (pages/q/[id].astro). */
export const permalinkUrl = (permalinkId: string) => `/q/${permalinkId}/`;
/** The language chooser: the x-default of the locale homes. */
export const chooserUrl = "/";

/** The language's own name, for switchers ("Français", "English"). */
export const languageName = (code: string) => locales.find((locale) => locale.code === code)?.name ?? code;

const displayNames = new Map<string, Intl.DisplayNames>();
/** Names already looked up, by page locale and language: every page of a locale asks for the same few. */
const namesIn = new Map<string, string>();

/**
 * The name of the language `code` as a page in `pageLocale` writes it in running text: "anglais" on a
 * French page ("Cette réponse n'existe pas encore en anglais"), "French" on an English one. Switchers
 * use {@link languageName} instead: there a reader looks for their own language's own name.
 */
export function languageNameIn(code: string, pageLocale: string): string {
	const key = `${pageLocale}\n${code}`;
	let name = namesIn.get(key);
	if (name === undefined) {
		let names = displayNames.get(pageLocale);
		if (!names) {
			names = new Intl.DisplayNames([pageLocale], { type: "language", fallback: "none" });
			displayNames.set(pageLocale, names);
		}
		name = names.of(code) ?? languageName(code);
		namesIn.set(key, name);
	}
	return name;
}

const ogLocales = new Map<string, string>();

/**
 * The Open Graph form of a locale (`fr_FR`, `en_US`): language and likeliest region, as Intl.Locale guesses them.
 * Worked out once per locale: every page asks, and Intl.Locale's maximize() costs more than the rest of its meta.
 */
export function ogLocale(code: string): string {
	let tag = ogLocales.get(code);
	if (tag === undefined) {
		const { language, region } = new Intl.Locale(code).maximize();
		tag = region ? `${language}_${region}` : language;
		ogLocales.set(code, tag);
	}
	return tag;
}

/**
 * The `dir` attribute of a page's <html>: "rtl" for a language written right to left, else none
 * (left to right is what a page without one gets).
 */
export const pageDir = (code: string) => (textDirection(code) === "rtl" ? "rtl" : undefined);

/** The `dir` attribute of text in `code` inside a page in `page`: only where the two directions differ (an Arabic name on a French page). */
export const dirWithin = (code: string, page: string) => (textDirection(code) === textDirection(page) ? undefined : textDirection(code));

/** Alternates of a page: its URL in every locale it exists in, the current one included. */
export type Alternates = Readonly<Record<string, string>>;

/** The version of a page a reader with no known language gets: the default locale's when there is one, else the first. */
export const defaultVersion = (alternates: Alternates) => alternates[defaultLocale] ?? Object.values(alternates)[0];

/** True for the locale homes' cluster (every alternate is a locale's home). */
const isHomeCluster = (alternates: Alternates) =>
	Object.keys(alternates).length > 0 && Object.entries(alternates).every(([code, path]) => path === homeUrl(code));

/**
 * The x-default alternate, the same on every page of a cluster: for the locale homes, the language
 * chooser at "/" (which lists the same cluster); for any other page, its default locale's version.
 */
export const xDefault = (alternates: Alternates) => (isHomeCluster(alternates) ? chooserUrl : defaultVersion(alternates));

/** Every version of a translated item (an entry or a category): its own URL and its translations'. */
export function alternatesOf(
	item: { readonly locale: string; readonly slug: string; readonly translations: Readonly<Record<string, string>> },
	url: (locale: string, slug: string) => string,
): Alternates {
	return {
		[item.locale]: url(item.locale, item.slug),
		...Object.fromEntries(Object.entries(item.translations).map(([code, slug]) => [code, url(code, slug)])),
	};
}

/** The site's absolute URL, which astro.config.mjs always sets (SITE_URL, else the local site: @aide/config). */
export function siteOf(site: URL | undefined): URL {
	if (!site) throw new Error("astro.config.mjs sets no `site`: canonical links and the sitemap need the site's absolute URL.");
	return site;
}
