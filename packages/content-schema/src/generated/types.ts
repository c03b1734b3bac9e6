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

/** Answer feedback (api::insight-feedback.insight-feedback), as `/api/insight-feedbacks` returns it. */
export interface InsightFeedback {
	readonly documentId: string;
	readonly locale: string;
	readonly updatedAt: string;
	readonly publishedAt?: string | null;
	readonly day: string;
	readonly language: string;
	readonly answer: string;
	readonly helpful: number;
	readonly notHelpful: number;
	readonly reasons: unknown | null;
	readonly comments: unknown | null;
}

/** A populated relation to a Answer feedback. */
export type InsightFeedbackRef = { readonly documentId: string } & Partial<Omit<InsightFeedback, "documentId">>;

/** Search insight (api::insight-search.insight-search), as `/api/insight-searches` returns it. */
export interface InsightSearch {
	readonly documentId: string;
	readonly locale: string;
	readonly updatedAt: string;
	readonly publishedAt?: string | null;
	readonly day: string;
	readonly language: string;
	readonly query: string;
	readonly searches: number;
	readonly noResult: number;
	readonly opened: number;
}

/** A populated relation to a Search insight. */
export type InsightSearchRef = { readonly documentId: string } & Partial<Omit<InsightSearch, "documentId">>;

/** Site settings (api::site-setting.site-setting), as `/api/site-setting` returns it. */
export interface SiteSetting {
	readonly documentId: string;
	readonly locale: string;
	readonly updatedAt: string;
	readonly publishedAt?: string | null;
	readonly name: string | null;
	readonly tagline: string | null;
	readonly logo: Media | null;
	readonly accentColor: string | null;
	readonly contactLabel: string | null;
	readonly contactUrl: string | null;
	readonly footerLinks: SiteFooterLink[] | null;
}

/** A populated relation to a Site settings. */
export type SiteSettingRef = { readonly documentId: string } & Partial<Omit<SiteSetting, "documentId">>;

/** A file of the media library, as a populated media field returns it (see mediaSchema). */
export interface Media {
	readonly url: string;
	readonly mime: string;
	readonly name?: string;
	readonly alternativeText?: string | null;
	readonly width?: number | null;
	readonly height?: number | null;
}

/** Footer link (component site.footer-link), as a populated component field returns it. */
export interface SiteFooterLink {
	readonly label: string;
	readonly url: string;
}
