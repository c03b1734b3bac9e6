// UI strings: one JSON file per locale, one i18next instance per locale, created at build time.
import { localeCodes } from "@aide/locales";
import i18next, { type i18n, type TOptions } from "i18next";
import en from "./en.json" with { type: "json" };
import fr from "./fr.json" with { type: "json" };

/** Every locale's strings; a test checks that each locale has every key and that each key is used. */
export const strings: Record<string, Record<string, string>> = { fr, en };

const instances = new Map<string, i18n>(
	localeCodes.map((code) => {
		const resources = strings[code];
		if (!resources) throw new Error(`apps/site/src/i18n has no ${code}.json: add one with the keys of fr.json.`);
		const instance = i18next.createInstance();
		void instance.init({
			lng: code,
			resources: { [code]: { translation: resources } },
			initAsync: false,
			interpolation: { escapeValue: false },
		});
		return [code, instance];
	}),
);

const plain = new Map<string, string>();

/**
 * The UI string `key` in `locale`, with interpolation and plurals. A string without options is looked
 * up once: every page asks for the same thirty, and at 20,000 pages i18next's lookups cost a second.
 */
export function t(locale: string, key: string, options?: TOptions): string {
	const cacheKey = options ? undefined : `${locale}\n${key}`;
	const cached = cacheKey === undefined ? undefined : plain.get(cacheKey);
	if (cached !== undefined) return cached;
	const instance = instances.get(locale);
	if (!instance) throw new Error(`No UI strings for the locale "${locale}".`);
	const text = instance.t(key, { ...options }) as string;
	if (cacheKey !== undefined) plain.set(cacheKey, text);
	return text;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as a reader of `locale` writes it ("27 novembre 2026"). Formatters are made once per locale: making one costs more than rendering a page. */
export function formatDate(locale: string, date: string | Date): string {
	let format = dateFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
		dateFormats.set(locale, format);
	}
	return format.format(new Date(date));
}
