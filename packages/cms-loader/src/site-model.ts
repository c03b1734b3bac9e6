// What the pages need, computed once from the raw content: entries joined across locales by
// documentId, their category, translations, related entries and freshness against the source.
import type { SiteContent } from "@aide/cms-client";
import { isOutdatedTranslation } from "@aide/cms-contract";
import type { Category, FaqEntry } from "@aide/content-schema";
import { defaultLocale } from "@aide/locales";
import { type Heading, type RenderedMarkdown, renderMarkdown } from "@aide/markdown";

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
	/**
	 * The entry's id in its language-neutral link (`/q/<id>/`), the same in every locale: its anchor field
	 * (shared by all translations), else its documentId (as the export names an entry without an anchor).
	 * Not `anchor`, which falls back to each locale's own slug.
	 */
	readonly permalinkId: string;
	readonly order: number;
	readonly category: { readonly documentId: string; readonly slug: string; readonly name: string } | null;
	/** Other locales this entry exists in: locale -> slug. */
	readonly translations: Readonly<Record<string, string>>;
	readonly related: ReadonlyArray<{ readonly slug: string; readonly question: string }>;
	readonly updatedAt: string;
	/** True when the default-locale version changed after this translation did ({@link isOutdatedTranslation}). */
	readonly outdated: boolean;
	readonly html: string;
	readonly headings: readonly Heading[];
	/** The media store's files the answer shows (see media.ts), for the build to copy in. */
	readonly media: readonly string[];
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

/** Renders an answer's Markdown (sanitised) with its heading ids prefixed by `idPrefix`. */
export type AnswerRenderer = (markdown: string, idPrefix: string) => RenderedMarkdown;

/**
 * The prefix of the ids in an entry's answer: its anchor (else its slug) and "--", so that ids stay unique
 * on list pages. No anchor holds "--" (`^[a-z0-9]+(?:-[a-z0-9]+)*$`), so an answer's heading id is never
 * another entry's anchor, and its part before the first "--" names its entry: two answers cannot share one.
 * (The site's own ids start with `aide_`, which neither can.)
 */
export const answerIdPrefix = (entry: { anchor?: string | null; slug: string }) => `${entry.anchor || entry.slug}--`;

/**
 * A renderer that renders each answer once: what {@link renderAhead} rendered while the CMS was still
 * sending pages is found again by its input (so a render can never be paired with another text).
 */
export function answerRenderer(): AnswerRenderer {
	const done = new Map<string, RenderedMarkdown>();
	return (markdown, idPrefix) => {
		const key = `${idPrefix}\n${markdown}`;
		let rendered = done.get(key);
		if (!rendered) {
			rendered = renderMarkdown(markdown, { idPrefix });
			done.set(key, rendered);
		}
		return rendered;
	};
}

/**
 * Renders the answers of a page of entries just received (not yet validated: what does not look
 * like an entry is left for the validation to report), while the next pages are on their way.
 */
export function renderAhead(documents: readonly unknown[], render: AnswerRenderer): void {
	for (const document of documents) {
		const { answer, anchor, slug } = (document ?? {}) as { answer?: unknown; anchor?: unknown; slug?: unknown };
		if (typeof answer !== "string" || typeof slug !== "string") continue;
		render(answer, answerIdPrefix({ anchor: typeof anchor === "string" ? anchor : null, slug }));
	}
}

/** Joins and renders the content. The answer's Markdown is sanitised here; nothing else renders it. */
export function buildSiteModel(
	content: SiteContent,
	render: AnswerRenderer = (markdown, idPrefix) => renderMarkdown(markdown, { idPrefix }),
): { entries: SiteEntry[]; categories: SiteCategory[] } {
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
			const rendered = render(entry.answer, answerIdPrefix(entry));
			entries.push({
				documentId: entry.documentId,
				locale,
				slug: entry.slug,
				question: entry.question,
				summary: entry.summary,
				keywords: entry.keywords,
				anchor,
				permalinkId: entry.anchor || entry.documentId,
				order: entry.order ?? 0,
				category: category ? { documentId: category.documentId, slug: category.slug, name: category.name } : null,
				translations: translationsOf(versions, locale),
				related: (entry.related ?? []).flatMap((ref) => {
					const target = byDocument.get(ref.documentId)?.get(locale);
					return target ? [{ slug: target.slug, question: target.question }] : [];
				}),
				updatedAt: entry.updatedAt,
				outdated: locale !== defaultLocale && source !== undefined && isOutdatedTranslation(source.updatedAt, entry.updatedAt),
				html: rendered.html,
				headings: rendered.headings,
				media: [],
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
