// The one list of Aide's locales. The data lives in locales.json; this module only gives it types
// and a few helpers. Plain JavaScript so that the compiled Strapi app, Astro and the tests can all
// load it without a build step.
import data from "./locales.json" with { type: "json" };

/** @type {readonly import("./index.d.ts").Locale[]} */
export const locales = Object.freeze(data.locales.map((locale) => Object.freeze({ ...locale })));

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
