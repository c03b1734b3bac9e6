import { defaultLocale, locales } from "@aide/locales";

export const homeUrl = (locale: string) => `/${locale}/`;
export const entryUrl = (locale: string, slug: string) => `/${locale}/faq/${slug}/`;
export const categoryUrl = (locale: string, slug: string) => `/${locale}/category/${slug}/`;

/** The language's own name, for switchers ("Français", "English"). */
export const languageName = (code: string) => locales.find((locale) => locale.code === code)?.name ?? code;

/** Alternates of a page: its URL in every locale it exists in, the current one included. */
export type Alternates = Readonly<Record<string, string>>;

/** The x-default alternate: the default locale's version when there is one. */
export const xDefault = (alternates: Alternates) => alternates[defaultLocale] ?? Object.values(alternates)[0];
