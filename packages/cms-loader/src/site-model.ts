// What the pages need, computed once from the raw content: entries joined across locales by
// documentId, their category, translations, related entries and freshness against the source.
import type { SiteContent } from "@aide/cms-client";
import type { Category, FaqEntry } from "@aide/content-schema";
import { defaultLocale } from "@aide/locales";
import { type Heading, renderMarkdown } from "@aide/markdown";

export interface SiteEntry {
	readonly documentId: string;
	readonly locale: string;
	readonly slug: string;
	readonly question: string;
	readonly summary: string | null;
	/** Synonyms and misspellings readers type, for search (not shown). */
	readonly keywords: string | null;
	/** The id of the question's heading on the FAQ home. */
	readonly anchor: string;
	readonly order: number;
	readonly category: { readonly documentId: string; readonly slug: string; readonly name: string } | null;
	/** Other locales this entry exists in: locale -> slug. */
	readonly translations: Readonly<Record<string, string>>;
	readonly related: ReadonlyArray<{ readonly slug: string; readonly question: string }>;
	readonly updatedAt: string;
	/** True when the default-locale version changed after this translation did. */
	readonly outdated: boolean;
	readonly html: string;
	readonly headings: readonly Heading[];
}

export interface SiteCategory {
	readonly documentId: string;
	readonly locale: string;
	readonly slug: string;
	readonly name: string;
	readonly description: string | null;
	readonly order: number;
	readonly translations: Readonly<Record<string, string>>;
}

/** Joins and renders the content. The answer's Markdown is sanitised here; nothing else renders it. */
export function buildSiteModel(content: SiteContent): { entries: SiteEntry[]; categories: SiteCategory[] } {
	const byDocument = new Map<string, Map<string, FaqEntry>>();
	const categoriesByDocument = new Map<string, Map<string, Category>>();
	for (const [locale, { entries, categories }] of Object.entries(content.locales)) {
		for (const entry of entries) byDocument.set(entry.documentId, (byDocument.get(entry.documentId) ?? new Map()).set(locale, entry));
		for (const category of categories) {
			categoriesByDocument.set(category.documentId, (categoriesByDocument.get(category.documentId) ?? new Map()).set(locale, category));
		}
	}
	const translationsOf = <T extends { slug: string }>(versions: Map<string, T>, locale: string) =>
		Object.fromEntries([...versions].filter(([other]) => other !== locale).map(([other, version]) => [other, version.slug]));

	const entries: SiteEntry[] = [];
	for (const versions of byDocument.values()) {
		const source = versions.get(defaultLocale);
		for (const [locale, entry] of versions) {
			const category = entry.category ? categoriesByDocument.get(entry.category.documentId)?.get(locale) : undefined;
			const anchor = entry.anchor || entry.slug;
			const rendered = renderMarkdown(entry.answer, { idPrefix: `${anchor}-` });
			entries.push({
				documentId: entry.documentId,
				locale,
				slug: entry.slug,
				question: entry.question,
				summary: entry.summary,
				keywords: entry.keywords,
				anchor,
				order: entry.order ?? 0,
				category: category ? { documentId: category.documentId, slug: category.slug, name: category.name } : null,
				translations: translationsOf(versions, locale),
				related: (entry.related ?? []).flatMap((ref) => {
					const target = byDocument.get(ref.documentId)?.get(locale);
					return target ? [{ slug: target.slug, question: target.question }] : [];
				}),
				updatedAt: entry.updatedAt,
				outdated: locale !== defaultLocale && source !== undefined && Date.parse(source.updatedAt) > Date.parse(entry.updatedAt),
				html: rendered.html,
				headings: rendered.headings,
			});
		}
	}
	const categories: SiteCategory[] = [...categoriesByDocument.values()].flatMap((versions) =>
		[...versions].map(([locale, category]) => ({
			documentId: category.documentId,
			locale,
			slug: category.slug,
			name: category.name,
			description: category.description,
			order: category.order ?? 0,
			translations: translationsOf(versions, locale),
		})),
	);
	return { entries, categories };
}
