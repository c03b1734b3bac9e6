// A locale's published entries and categories in the editors' order, and the entries by category:
// what the home and the full FAQ page both list, and the categories the search box's filter offers.
import { getCollection } from "astro:content";

export async function localeContent(locale: string) {
	const entries = (await getCollection("entries", (entry) => entry.data.locale === locale))
		.map((entry) => entry.data)
		.sort((a, b) => a.order - b.order);
	const categories = await localeCategories(locale);
	return { entries, categories, byCategory: Map.groupBy(entries, (entry) => entry.category?.documentId) };
}

/** A locale's categories in the editors' order. */
export async function localeCategories(locale: string) {
	return (await getCollection("categories", (category) => category.data.locale === locale))
		.map((category) => category.data)
		.sort((a, b) => a.order - b.order);
}
