import { type Category, contentModelsDir, type FaqEntry, loadContentModels, restSchemaFor } from "@aide/content-schema";
import { localeCodes } from "@aide/locales";
import { type ClientOptions, CmsError, fetchAll } from "./client.ts";
import { describeDocument } from "./describe.ts";

/** Everything the site shows, per locale: published entries and categories, validated. Plain JSON (a snapshot). */
export interface SiteContent {
	readonly fetchedAt: string;
	readonly locales: Record<string, { readonly entries: FaqEntry[]; readonly categories: Category[] }>;
}

const models = new Map(loadContentModels(contentModelsDir).map((entry) => [entry.model.info.singularName, entry]));

function schemaOf(name: string) {
	const model = models.get(name);
	if (!model) throw new Error(`content-models/ has no ${name}.json`);
	return { plural: model.model.info.pluralName, schema: restSchemaFor(model), label: model.model.info.displayName };
}

/**
 * Validates documents against the content model. The error names the document (documentId and
 * question), its locale and the field at fault.
 */
export function validateDocuments<T>(name: string, locale: string, documents: readonly unknown[]): T[] {
	const { schema, label } = schemaOf(name);
	return documents.map((document) => {
		const result = schema.safeParse(document);
		if (result.success) return result.data as T;
		const issue = result.error.issues[0];
		const field = issue?.path.join(".") || "(document)";
		const value = issue ? valueAt(document, issue.path) : undefined;
		// The value, when it is text, says at once what is wrong (a slug of ".." or "a/b"); cut short, since it comes from outside.
		const shown =
			typeof value === "string" && value.trim() !== ""
				? ` (it is ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)})`
				: "";
		throw new CmsError(
			`${label} ${describeDocument(document, locale)} has an invalid ${field}${shown}: ${issue?.message ?? "invalid"}. Fix it in the CMS, then build again.`,
		);
	});
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
	let value = document;
	for (const key of path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
	return value;
}

/** Fails when two documents of a locale share a value that must be unique on the site (a slug is a URL, an anchor an id). */
function assertUnique<T extends { documentId: string }>(
	plural: string,
	locale: string,
	documents: readonly T[],
	field: string,
	valueIn: (document: T) => string,
): void {
	const seen = new Map<string, T>();
	for (const document of documents) {
		const value = valueIn(document);
		const other = seen.get(value);
		if (other) {
			throw new CmsError(
				`Two ${plural} in ${locale}, ${describeDocument(other)} and ${describeDocument(document)}, share the ${field} "${value}": their ${field === "slug" ? "pages" : "links"} would collide. Change one ${field} in the CMS.`,
			);
		}
		seen.set(value, document);
	}
}

/** The relations an entry page needs, by documentId (the site model joins them). */
const ENTRY_RELATIONS = { "populate[category][fields][0]": "slug", "populate[related][fields][0]": "slug" };

export interface FetchHooks {
	/** Sees each page of a locale's entries as it arrives, before validation (see {@link fetchAll}). */
	readonly onEntries?: (locale: string, documents: readonly unknown[]) => void;
}

/** Reads every published entry and category in every locale. Throws a {@link CmsError} at the first problem. */
export async function fetchSiteContent(options: ClientOptions, hooks: FetchHooks = {}): Promise<SiteContent> {
	const locales: SiteContent["locales"] = {};
	const entry = schemaOf("faq-entry");
	const category = schemaOf("category");
	// The locales are read side by side, and the pages of each a few at a time.
	const raw = await Promise.all(
		localeCodes.map(async (locale) => ({
			locale,
			rawCategories: await fetchAll(options, category.plural, locale, { sort: "order:asc" }),
			rawEntries: await fetchAll(options, entry.plural, locale, { sort: "order:asc", ...ENTRY_RELATIONS }, (documents) =>
				hooks.onEntries?.(locale, documents),
			),
		})),
	);
	for (const { locale, rawCategories, rawEntries } of raw) {
		const categories = validateDocuments<Category>("category", locale, rawCategories);
		const entries = validateDocuments<FaqEntry>("faq-entry", locale, rawEntries);
		assertUnique(entry.plural, locale, entries, "slug", (document) => document.slug);
		// The FAQ home gives every question an id: the anchor, else the slug (as the site model does).
		assertUnique(entry.plural, locale, entries, "anchor", (document) => document.anchor || document.slug);
		assertUnique(category.plural, locale, categories, "slug", (document) => document.slug);
		locales[locale] = { entries, categories };
	}
	return { fetchedAt: new Date().toISOString(), locales };
}

/**
 * What the page of one entry needs: the entry in every locale it exists in (its draft or published
 * version, as asked), the entries it links to, and the categories. Drafts need a token the CMS lets
 * read them (the "Aide preview" token).
 */
export async function fetchEntryContent(options: ClientOptions, documentId: string, status: "draft" | "published"): Promise<SiteContent> {
	const locales: SiteContent["locales"] = {};
	const entry = schemaOf("faq-entry");
	const category = schemaOf("category");
	for (const locale of localeCodes) {
		const versions = validateDocuments<FaqEntry>(
			"faq-entry",
			locale,
			await fetchAll(options, entry.plural, locale, { status, "filters[documentId][$eq]": documentId, ...ENTRY_RELATIONS }),
		);
		const relatedIds = [...new Set(versions.flatMap((version) => (version.related ?? []).map((ref) => ref.documentId)))];
		const related =
			relatedIds.length === 0
				? []
				: validateDocuments<FaqEntry>(
						"faq-entry",
						locale,
						await fetchAll(options, entry.plural, locale, {
							status,
							...Object.fromEntries(relatedIds.map((id, index) => [`filters[documentId][$in][${index}]`, id])),
							...ENTRY_RELATIONS,
						}),
					);
		const categories = validateDocuments<Category>("category", locale, await fetchAll(options, category.plural, locale));
		locales[locale] = { entries: [...versions, ...related], categories };
	}
	return { fetchedAt: new Date().toISOString(), locales };
}
