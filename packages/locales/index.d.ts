/** One language the help center is written in. */
export interface Locale {
	/** ISO 639-1 code, as used in URLs, `<html lang>` and Strapi's i18n plugin. */
	readonly code: string;
	/** The language's name in itself, for language switchers. */
	readonly name: string;
	/** The language's name in English, for logs and the CMS. */
	readonly englishName: string;
}

export declare const locales: readonly Locale[];
export declare const defaultLocale: string;
export declare const localeCodes: readonly string[];
/** The direction a language is written in ("rtl" for Arabic), from Intl.Locale's text info. Throws on a code that is no language tag. */
export declare function textDirection(code: string): "ltr" | "rtl";
export declare function isLocale(code: unknown): code is string;
