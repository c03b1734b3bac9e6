/// <reference types="vite/client" />
// The About page is hand-written, one MDX file per locale that has one (src/pages/<locale>/<name>.mdx).
// Its addresses come from those files' names: the header's link and the sitemap follow when a
// translation is added. The files are listed, not imported: importing them would import the layout
// that imports this module.
import { defaultLocale } from "@aide/locales";
import type { Alternates } from "./urls.ts";

const files = Object.keys(import.meta.glob("../pages/*/*.mdx"));

function pathOf(file: string): [string, string] {
	const [, locale, name] = /\/pages\/([^/]+)\/([^/]+)\.mdx$/.exec(file) ?? [];
	if (!locale || !name) throw new Error(`apps/site/src/lib/about.ts cannot read the locale and page name from ${file}.`);
	return [locale, `/${locale}/${name}/`];
}

/** The About page in every locale that has one. */
export const aboutPages: Alternates = Object.fromEntries(files.map(pathOf));

if (Object.keys(aboutPages).length !== files.length) {
	throw new Error(
		`apps/site/src/pages holds more than one MDX page in a locale folder (${files.join(", ")}); apps/site/src/lib/about.ts takes each locale's only one for its About page: name them there.`,
	);
}
if (!aboutPages[defaultLocale])
	throw new Error(`apps/site/src/pages/${defaultLocale}/ has no About page (an .mdx file): the other locales link to it.`);

/** Where a page in `locale` links for "About": its own About page, else the default locale's (a translation can come later). */
export function aboutLink(locale: string): { href: string; lang: string } {
	const own = aboutPages[locale];
	return own ? { href: own, lang: locale } : { href: aboutPages[defaultLocale] as string, lang: defaultLocale };
}
