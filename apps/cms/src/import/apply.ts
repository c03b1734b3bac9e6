// Applies one imported page (all its translations) in one database transaction: either all of it
// lands, or nothing does. A dry run does the same work and then rolls it back, so what it reports is
// exactly what a real run would do.
import {
	CATEGORY_UID,
	ENTRY_UID,
	type ImportChange,
	type ImportRequest,
	type PlannedCategory,
	type PlannedEntry,
	slugFor,
} from "@aide/cms-contract";
import { defaultLocale } from "@aide/locales";
import type { Core } from "@strapi/strapi";

interface StoredDocument {
	documentId: string;
	slug?: string;
	publishedAt?: string | null;
	[field: string]: unknown;
}

/** Minimal view of Strapi's Document Service, as this module uses it. */
interface Documents {
	findFirst(params: object): Promise<StoredDocument | null>;
	findOne(params: object): Promise<StoredDocument | null>;
	create(params: object): Promise<StoredDocument>;
	update(params: object): Promise<StoredDocument | null>;
	publish(params: object): Promise<unknown>;
}

class DryRunRollback extends Error {}

/** The CMS refused one entry or category of an import; the message names it, its locale and its source line. */
export class ImportApplyError extends Error {
	override name = "ImportApplyError";
}

/** Runs one write, turning a refusal into a message that says which entry, in which locale, from where. */
async function naming<T>(what: string, write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (error) {
		const details = (error as { details?: { errors?: Array<{ path?: string[]; message?: string }> } }).details?.errors;
		const reason = details?.map((detail) => `${detail.path?.join(".") ?? "?"}: ${detail.message ?? "invalid"}`).join("; ");
		throw new ImportApplyError(`${what} was refused (${reason || (error as Error).message}). Nothing of this page was imported.`, {
			cause: error,
		});
	}
}

/** The primary locale of a planned item: the default locale when it has one, else its first. */
const primaryOf = (locales: Record<string, unknown>) => (defaultLocale in locales ? defaultLocale : (Object.keys(locales)[0] as string));

/** The slug of a name or question in `locale`; text with no letter or digit (a "???" question with a heading id) gets "entry". */
const slugify = (text: string, locale: string) => slugFor(text, { locale, fallback: "entry" });

export async function applyImport(strapi: Core.Strapi, request: ImportRequest): Promise<ImportChange[]> {
	const changes: ImportChange[] = [];
	try {
		await strapi.db.transaction(async () => {
			const documents = (uid: string) => strapi.documents(uid as never) as unknown as Documents;
			const categoryId = request.group.category ? await applyCategory(documents(CATEGORY_UID), request.group.category, changes) : null;
			for (const entry of request.group.entries) {
				await applyEntry(documents(ENTRY_UID), entry, categoryId, request.publish, changes);
			}
			if (request.dryRun) throw new DryRunRollback();
		});
	} catch (error) {
		if (!(error instanceof DryRunRollback)) throw error;
	}
	return changes;
}

async function applyCategory(categories: Documents, category: PlannedCategory, changes: ImportChange[]): Promise<string> {
	const primary = primaryOf(category.locales);
	const primaryName = category.locales[primary]?.name ?? "";
	const slug = slugify(primaryName, primary);
	// By name too: a category stored before the slug rule was shared (apply.ts had its own) may have another slug.
	let documentId = (await categories.findFirst({ locale: primary, filters: { $or: [{ slug }, { name: primaryName }] } }))?.documentId;
	for (const [locale, content] of Object.entries(category.locales)) {
		const what = `Category "${content.name}" (${locale})`;
		const data = { name: content.name, description: content.description, order: category.order };
		const existing = documentId ? await categories.findOne({ documentId, locale }) : null;
		if (!existing) {
			const id = documentId;
			const localized = { ...data, slug: locale === primary ? slug : slugify(content.name, locale) };
			const created = await naming(what, () =>
				id ? categories.update({ documentId: id, locale, data: localized }) : categories.create({ locale, data: localized }),
			);
			documentId = created?.documentId ?? documentId;
			changes.push({ kind: "category", anchor: slug, locale, action: "created" });
			continue;
		}
		const same = existing.name === data.name && (existing.description ?? null) === data.description && existing.order === data.order;
		if (!same) await naming(what, () => categories.update({ documentId, locale, data }));
		changes.push({ kind: "category", anchor: slug, locale, action: same ? "unchanged" : "updated" });
	}
	if (!documentId) throw new ImportApplyError(`The category "${primaryName}" could not be created.`);
	return documentId;
}

async function uniqueSlug(entries: Documents, question: string, locale: string): Promise<string> {
	const base = slugify(question, locale);
	for (let suffix = 1; ; suffix++) {
		const slug = suffix === 1 ? base : `${base}-${suffix}`;
		if (!(await entries.findFirst({ locale, filters: { slug }, status: "draft" }))) return slug;
	}
}

async function applyEntry(
	entries: Documents,
	entry: PlannedEntry,
	categoryId: string | null,
	publish: boolean,
	changes: ImportChange[],
): Promise<void> {
	let documentId: string | undefined;
	for (const locale of [primaryOf(entry.locales), ...Object.keys(entry.locales)]) {
		documentId ??= (await entries.findFirst({ locale, filters: { anchor: entry.anchor }, status: "draft" }))?.documentId;
	}
	const category = categoryId ? { set: [categoryId] } : { set: [] };

	for (const [locale, content] of Object.entries(entry.locales)) {
		const what = `Entry "${entry.anchor}" (${locale}, ${content.source})`;
		const existing = documentId ? await entries.findOne({ documentId, locale, status: "draft", populate: ["category"] }) : null;
		const published = documentId ? await entries.findOne({ documentId, locale, status: "published" }) : null;
		const data = { question: content.question, answer: content.answer, keywords: content.keywords, order: entry.order, category };
		let action: ImportChange["action"];
		if (!existing) {
			const id = documentId;
			const created = { ...data, anchor: entry.anchor, slug: await uniqueSlug(entries, content.question, locale) };
			const stored = await naming(what, () =>
				id ? entries.update({ documentId: id, locale, data: created }) : entries.create({ locale, data: created }),
			);
			documentId = stored?.documentId ?? documentId;
			action = "created";
		} else {
			const storedCategory = (existing.category as { documentId?: string } | null)?.documentId ?? null;
			const same =
				existing.question === content.question &&
				existing.answer === content.answer &&
				(existing.keywords ?? null) === content.keywords &&
				existing.order === entry.order &&
				storedCategory === categoryId;
			if (!same) await naming(what, () => entries.update({ documentId, locale, data }));
			action = same ? "unchanged" : "updated";
		}
		changes.push({ kind: "entry", anchor: entry.anchor, locale, action });
		if (publish && (action !== "unchanged" || !published)) {
			await naming(what, () => entries.publish({ documentId, locale }));
			changes.push({ kind: "entry", anchor: entry.anchor, locale, action: "published" });
		}
	}
}
