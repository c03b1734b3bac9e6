/// <reference types="vite/client" />
// UI strings: one JSON file per locale (<code>.json, found here by name: adding a locale needs only its
// entry in packages/locales/locales.json and its file), one i18next instance per locale, created at build time.
import { defaultLocale, localeCodes } from "@aide/locales";
import i18next, { type i18n, type TOptions } from "i18next";
import { checkStrings } from "./check.ts";

const files = import.meta.glob<Record<string, string>>("./*.json", { eager: true, import: "default" });

/** Every locale's strings; the check below, and a test, make sure each locale has every key. */
export const strings: Record<string, Record<string, string>> = Object.fromEntries(
	localeCodes.map((code) => {
		const resources = files[`./${code}.json`];
		if (!resources) {
			throw new Error(
				`apps/site/src/i18n has no ${code}.json, and packages/locales/locales.json lists "${code}": add ${code}.json with the keys of ${defaultLocale}.json, translated.`,
			);
		}
		return [code, resources];
	}),
);

const problems = checkStrings(strings, defaultLocale);
if (problems.length > 0) throw new Error(`The UI strings are incomplete:\n${problems.join("\n")}`);

const instances = new Map<string, i18n>(
	localeCodes.map((code) => {
		const instance = i18next.createInstance();
		void instance.init({
			lng: code,
			resources: { [code]: { translation: strings[code] ?? {} } },
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
