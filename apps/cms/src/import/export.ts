import { CATEGORY_UID, ENTRY_UID, type ExportedCategory, type ExportedEntry } from "@aide/cms-contract";
import { localeCodes } from "@aide/locales";
import type { Core } from "@strapi/strapi";

interface Row {
	documentId: string;
	[field: string]: unknown;
}

const PAGE_SIZE = 500;

async function all(strapi: Core.Strapi, uid: string, params: object): Promise<Row[]> {
	const rows: Row[] = [];
	const documents = strapi.documents(uid as never) as unknown as { findMany(params: object): Promise<Row[]> };
	for (let start = 0; ; start += PAGE_SIZE) {
		const page = await documents.findMany({ ...params, start, limit: PAGE_SIZE });
		rows.push(...page);
		if (page.length < PAGE_SIZE) return rows;
	}
}

/**
 * Everything the import writes, as it stands in the CMS (latest drafts included), grouped by category
 * and keyed by documentId across locales. Entries without an anchor get their documentId as anchor.
 */
export async function exportContent(strapi: Core.Strapi): Promise<ExportedCategory[]> {
	const categories = new Map<string | null, ExportedCategory>();
	const categoryOf = new Map<string, ExportedCategory>();
	for (const locale of localeCodes) {
		for (const row of await all(strapi, CATEGORY_UID, { locale })) {
			let category = categoryOf.get(row.documentId);
			if (!category) {
				category = { slug: String(row.slug), order: Number(row.order ?? 0), locales: {}, entries: [] };
				categoryOf.set(row.documentId, category);
				categories.set(row.documentId, category);
			}
			category.locales[locale] = { name: String(row.name), description: (row.description as string | null) ?? null };
		}
	}

	const entries = new Map<string, { category: ExportedCategory; entry: ExportedEntry }>();
	for (const locale of localeCodes) {
		for (const row of await all(strapi, ENTRY_UID, { locale, status: "draft", populate: ["category"] })) {
			let found = entries.get(row.documentId);
			if (!found) {
				const categoryId = (row.category as { documentId?: string } | null)?.documentId;
				let category = categoryId ? categoryOf.get(categoryId) : undefined;
				if (!category) {
					category = categories.get(null) ?? { slug: null, order: 0, locales: {}, entries: [] };
					categories.set(null, category);
				}
				found = { category, entry: { anchor: String(row.anchor ?? row.documentId), order: Number(row.order ?? 0), locales: {} } };
				category.entries.push(found.entry);
				entries.set(row.documentId, found);
			}
			found.entry.locales[locale] = {
				question: String(row.question),
				answer: String(row.answer),
				keywords: (row.keywords as string | null) ?? null,
			};
		}
	}
	const sorted = [...categories.values()].sort((a, b) => a.order - b.order || String(a.slug).localeCompare(String(b.slug)));
	for (const category of sorted) category.entries.sort((a, b) => a.order - b.order || a.anchor.localeCompare(b.anchor));
	return sorted;
}
