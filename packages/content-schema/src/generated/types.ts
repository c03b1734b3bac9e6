// Generated from content-models/ by packages/content-schema (generateTypes). Do not edit.

/** Category (api::category.category), as `/api/categories` returns it. */
export interface Category {
	readonly documentId: string;
	readonly locale: string;
	readonly updatedAt: string;
	readonly publishedAt?: string | null;
	readonly name: string;
	readonly slug: string;
	readonly description: string | null;
	readonly order: number | null;
	readonly entries?: FaqEntryRef[];
}

/** A populated relation to a Category. */
export type CategoryRef = { readonly documentId: string } & Partial<Omit<Category, "documentId">>;

/** FAQ entry (api::faq-entry.faq-entry), as `/api/faq-entries` returns it. */
export interface FaqEntry {
	readonly documentId: string;
	readonly locale: string;
	readonly updatedAt: string;
	readonly publishedAt?: string | null;
	readonly question: string;
	readonly slug: string;
	readonly answer: string;
	readonly summary: string | null;
	readonly keywords: string | null;
	readonly anchor: string | null;
	readonly order: number | null;
	readonly category?: CategoryRef | null;
	readonly related?: FaqEntryRef[];
}

/** A populated relation to a FAQ entry. */
export type FaqEntryRef = { readonly documentId: string } & Partial<Omit<FaqEntry, "documentId">>;
