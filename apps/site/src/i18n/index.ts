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

const looked = new Map<string, string>();
/**
 * How many strings with options are kept (the plain ones are a few dozen). Most repeat on every page ("this
 * answer is not in English yet", a date, a count), but some are one page's own (a question in the
 * feedback e-mail's subject): past this many, the memo starts again rather than holding 20,000 of those.
 */
const LOOKED_MAX = 5_000;

/** The memo's key for a lookup whose options are all plain values (with an object among them, no key: not memoised). */
function lookupKey(locale: string, key: string, options: TOptions | undefined): string | undefined {
	if (!options) return `${locale}\n${key}`;
	const values = Object.values(options);
	if (!values.every((value) => typeof value === "string" || typeof value === "number" || typeof value === "boolean")) return undefined;
	return `${locale}\n${key}\n${JSON.stringify(options)}`;
}

/**
 * The UI string `key` in `locale`, with interpolation and plurals. Each string is looked up once per
 * set of options: every page asks for the same forty, and at 20,000 pages i18next's lookups and
 * interpolations cost seconds.
 */
export function t(locale: string, key: string, options?: TOptions): string {
	const cacheKey = lookupKey(locale, key, options);
	const cached = cacheKey === undefined ? undefined : looked.get(cacheKey);
	if (cached !== undefined) return cached;
	const instance = instances.get(locale);
	if (!instance) throw new Error(`No UI strings for the locale "${locale}".`);
	const text = instance.t(key, { ...options }) as string;
	if (cacheKey !== undefined) {
		if (looked.size >= LOOKED_MAX) looked.clear();
		looked.set(cacheKey, text);
	}
	return text;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * Dates already written, by locale and day (the formatter's time zone is the process's, as Date's local
 * fields): every answer's timestamp differs, but answers updated the same day share one text.
 */
const datesWritten = new Map<string, string>();

/** A date as a reader of `locale` writes it ("27 novembre 2026"). Formatters are made once per locale: making one costs more than rendering a page. */
export function formatDate(locale: string, date: string | Date): string {
	const when = new Date(date);
	const cacheKey = `${locale}\n${when.getFullYear()}-${when.getMonth()}-${when.getDate()}`;
	const cached = datesWritten.get(cacheKey);
	if (cached !== undefined) return cached;
	let format = dateFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
		dateFormats.set(locale, format);
	}
	// An invalid date throws here, before anything is kept.
	const text = format.format(when);
	if (datesWritten.size >= LOOKED_MAX) datesWritten.clear();
	datesWritten.set(cacheKey, text);
	return text;
}
