import { basename, dirname } from "node:path";
import { defaultLocale, isLocale, localeCodes } from "@aide/locales";
import { ImportError } from "./errors.ts";

const LOCALE_LIKE = /^[a-z]{2}(?:-[a-z]{2})?$/i;

/** Where a page's locale came from, and the page's key: the same for all translations of one page. */
export interface PageIdentity {
	readonly locale: string;
	readonly key: string;
}

/**
 * Tells a page's locale: `--locale` first, then the file name (`faq.en.md`), then a locale folder
 * (`en/faq.md`), else the default locale. A locale-like code that is not declared is an error.
 */
export function identify(file: string, forced?: string): PageIdentity {
	const name = basename(file).replace(/\.(md|markdown)$/i, "");
	const dir = dirname(file);
	const suffix = /\.([^.]+)$/.exec(name)?.[1];
	const folder = basename(dir);
	const fromName = suffix && LOCALE_LIKE.test(suffix) ? suffix : undefined;
	const fromFolder = LOCALE_LIKE.test(folder) ? folder : undefined;
	const locale = (forced ?? fromName ?? fromFolder ?? defaultLocale).toLowerCase();
	if (!isLocale(locale)) {
		const source = forced ? "--locale" : fromName ? "its name" : "its folder";
		throw new ImportError(
			`${file}: the locale "${locale}" (from ${source}) is not one of this help center's locales (${localeCodes.join(", ")}). Rename the file, or declare the locale in packages/locales/locales.json.`,
		);
	}
	const stem = fromName ? name.slice(0, -(fromName.length + 1)) : name;
	const parent = fromFolder ? dirname(dir) : dir;
	return { locale, key: `${parent}/${stem}` };
}
