import { defaultLocale, locales, textDirection } from "@aide/locales";

export const homeUrl = (locale: string) => `/${locale}/`;
/** The full FAQ page: every answer under its anchor (the seed's shape), one click from the home. */
export const faqUrl = (locale: string) => `/${locale}/faq/`;
export const entryUrl = (locale: string, slug: string) => `/${locale}/faq/${slug}/`;
export const categoryUrl = (locale: string, slug: string) => `/${locale}/category/${slug}/`;

/** The language's own name, for switchers ("Français", "English"). */
export const languageName = (code: string) => locales.find((locale) => locale.code === code)?.name ?? code;

/**
 * The `dir` attribute of a page's <html>: "rtl" for a language written right to left, else none
 * (left to right is what a page without one gets).
 */
export const pageDir = (code: string) => (textDirection(code) === "rtl" ? "rtl" : undefined);

/** The `dir` attribute of text in `code` inside a page in `page`: only where the two directions differ (an Arabic name on a French page). */
export const dirWithin = (code: string, page: string) => (textDirection(code) === textDirection(page) ? undefined : textDirection(code));

/** Alternates of a page: its URL in every locale it exists in, the current one included. */
export type Alternates = Readonly<Record<string, string>>;

/** The x-default alternate: the default locale's version when there is one. */
export const xDefault = (alternates: Alternates) => alternates[defaultLocale] ?? Object.values(alternates)[0];

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
