// A locale's published entries and categories in the editors' order, and the entries by category:
// what the home and the full FAQ page both list.
import { getCollection } from "astro:content";

export async function localeContent(locale: string) {
	const entries = (await getCollection("entries", (entry) => entry.data.locale === locale))
		.map((entry) => entry.data)
		.sort((a, b) => a.order - b.order);
	const categories = (await getCollection("categories", (category) => category.data.locale === locale))
		.map((category) => category.data)
		.sort((a, b) => a.order - b.order);
	return { entries, categories, byCategory: Map.groupBy(entries, (entry) => entry.category?.documentId) };
}
