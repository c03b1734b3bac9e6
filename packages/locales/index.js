// The one list of Aide's locales. The data lives in locales.json; this module only gives it types
// and a few helpers. Plain JavaScript so that the compiled Strapi app, Astro and the tests can all
// load it without a build step.
import data from "./locales.json" with { type: "json" };

/** @typedef {{ direction?: string }} TextInfo */

/**
 * The direction a language is written in, from the Unicode data that Node's Intl carries: the list
 * needs no field for it, so adding Arabic or Hebrew to locales.json is enough for `<html dir="rtl">`.
 * @param {string} code
 * @returns {"ltr" | "rtl"}
 */
export function textDirection(code) {
	// Asked several times by every page of the site (its <html dir>, each language link's): an Intl.Locale
	// per call cost more than the rest of the page's head.
	let direction = directions.get(code);
	if (direction === undefined) {
		direction = directionOf(code);
		directions.set(code, direction);
	}
	return direction;
}

/** @type {Map<string, "ltr" | "rtl">} */
const directions = new Map();

/**
 * @param {string} code
 * @returns {"ltr" | "rtl"}
 */
function directionOf(code) {
	let locale;
	try {
		locale = new Intl.Locale(code);
	} catch (error) {
		throw new Error(`packages/locales/locales.json: "${code}" is not a language code. Use an ISO 639-1 code such as "de" or "ar".`, {
			cause: error,
		});
	}
	// getTextInfo() is the standard's name; V8 before 13 only had the textInfo getter.
	const info = /** @type {Intl.Locale & { getTextInfo?: () => TextInfo, textInfo?: TextInfo }} */ (locale);
	return (info.getTextInfo?.() ?? info.textInfo)?.direction === "rtl" ? "rtl" : "ltr";
}

/** @type {readonly import("./index.d.ts").Locale[]} */
export const locales = Object.freeze(data.locales.map((locale) => Object.freeze({ ...locale })));

// Every code must be a language tag: a typo fails here, when the list is loaded, not in a page.
for (const locale of locales) textDirection(locale.code);

/** @type {string} */
export const defaultLocale = data.defaultLocale;

/** @type {readonly string[]} */
export const localeCodes = Object.freeze(locales.map((locale) => locale.code));

/**
 * Tells whether `code` is one of the project's locales.
 * @param {unknown} code
 * @returns {code is string}
 */
export function isLocale(code) {
	return typeof code === "string" && localeCodes.includes(code);
}

if (!isLocale(defaultLocale)) {
	throw new Error(
		`packages/locales/locales.json: defaultLocale "${defaultLocale}" is not in its locales list. Add it to "locales" or pick one of: ${localeCodes.join(", ")}.`,
	);
}
