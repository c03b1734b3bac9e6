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

export async function localeContent(locale: string, changed: readonly SiteEntry[] = []) {
	const replaced = new Set(changed.map((entry) => entry.documentId));
	const entries = [
		...(await getCollection("entries", (entry) => entry.data.locale === locale && !replaced.has(entry.data.documentId))).map(
			(entry) => entry.data,
		),
		...changed.filter((entry) => entry.locale === locale),
	].sort(editorsOrder);
	const categories = await localeCategories(locale);
	return { entries, categories, byCategory: Map.groupBy(entries, (entry) => entry.category?.documentId) };
}

/** A locale's categories in the editors' order. */
export async function localeCategories(locale: string) {
	return (await getCollection("categories", (category) => category.data.locale === locale))
		.map((category) => category.data)
		.sort((a, b) => a.order - b.order);
}
