// A locale's published entries and categories in the editors' order, and the entries by category:
// what the home, the full FAQ page and the category pages list, and the categories the search box's
// filter offers. With `changed` (the published versions of one entry, which the site service renders
// the lists with when that entry changes: pages/internal/), those versions replace the entry's.
import { getCollection } from "astro:content";
import type { SiteEntry } from "@aide/cms-loader";

/**
 * The editors' order of entries (their `order` field), ties broken by question, then by documentId: the
 * same whichever way the entries came, so that a list the site service renders with one changed entry is
 * the very list the next full build writes.
 */
export const editorsOrder = (a: SiteEntry, b: SiteEntry) =>
	a.order - b.order ||
	a.question.localeCompare(b.question, a.locale) ||
	(a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);

/** Every published entry (of `locale` only, if given), the `changed` versions in place of their entry's. */
export async function siteEntries(changed: readonly SiteEntry[] = [], locale?: string): Promise<SiteEntry[]> {
	const replaced = new Set(changed.map((entry) => entry.documentId));
	const inLocale = (entry: SiteEntry) => locale === undefined || entry.locale === locale;
	return [
		...(await getCollection("entries", (entry) => inLocale(entry.data) && !replaced.has(entry.data.documentId))).map((entry) => entry.data),
		...changed.filter(inLocale),
	];
}

export async function localeContent(locale: string, changed: readonly SiteEntry[] = []) {
	const entries = (await siteEntries(changed, locale)).sort(editorsOrder);
	const categories = await localeCategories(locale);
	return { entries, categories, byCategory: Map.groupBy(entries, (entry) => entry.category?.documentId) };
}

/** A locale's categories in the editors' order. */
export async function localeCategories(locale: string) {
	return (await getCollection("categories", (category) => category.data.locale === locale))
		.map((category) => category.data)
		.sort((a, b) => a.order - b.order);
}
