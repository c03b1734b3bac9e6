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
} from "@aide/cms-contract";
import { defaultLocale } from "@aide/locales";
import type { Core } from "@strapi/strapi";
import { oneRebuildCall } from "../bootstrap/rebuild-calls";
import { NewEntries, type NewTranslation } from "./new-entry";
import { type Documents, Slugs, StoredEntries, slugOf } from "./stored";

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

export async function applyImport(strapi: Core.Strapi, request: ImportRequest): Promise<ImportChange[]> {
	const changes: ImportChange[] = [];
	let page: PageWrite | undefined;
	try {
		// One rebuild call for the page, sent once it is committed; none for a dry run, which commits nothing.
		await oneRebuildCall(async () => {
			await strapi.db.transaction(async () => {
				const documents = (uid: string) => strapi.documents(uid as never) as unknown as Documents;
				const categoryId = request.group.category ? await applyCategory(documents(CATEGORY_UID), request.group.category, changes) : null;
				const entries = documents(ENTRY_UID);
				const stored = await StoredEntries.load(
					entries,
					request.group.entries.map((entry) => entry.anchor),
				);
				const slugs = new Slugs(entries);
				await slugs.load(newSlugs(request.group.entries, stored));
				const categoryRows = new Map<string, number>();
				if (categoryId) {
					const rows = await strapi.db
						.query(CATEGORY_UID as never)
						.findMany({ where: { documentId: categoryId }, select: ["id", "locale"] });
					for (const row of rows as Array<{ id: number; locale: string }>) categoryRows.set(row.locale, row.id);
				}
				page = { entries, stored, slugs, categoryId, categoryRows, publish: request.publish, changes, newEntries: new NewEntries(strapi) };
				for (const entry of request.group.entries) await applyEntry(page, entry);
				await writeNewEntries(page);
				if (request.dryRun) throw new DryRunRollback();
			});
			// The rows new-entry.ts wrote sent no event: one for the page once it is committed, as Strapi sends its own.
			const published = page?.published;
			if (published) {
				const model = strapi.contentType(ENTRY_UID as never) as { modelName: string };
				await strapi.eventHub.emit("entry.publish", { model: model.modelName, uid: ENTRY_UID, entry: published });
			}
		});
	} catch (error) {
		if (!(error instanceof DryRunRollback)) throw error;
	}
	return changes;
}

async function applyCategory(categories: Documents, category: PlannedCategory, changes: ImportChange[]): Promise<string> {
	const primary = primaryOf(category.locales);
	const primaryName = category.locales[primary]?.name ?? "";
	const slug = slugOf(primaryName, primary);
	// By name too: a category stored before the slug rule was shared (apply.ts had its own) may have another slug.
	let documentId = (await categories.findFirst({ locale: primary, filters: { $or: [{ slug }, { name: primaryName }] } }))?.documentId;
	for (const [locale, content] of Object.entries(category.locales)) {
		const what = `Category "${content.name}" (${locale})`;
		const data = { name: content.name, description: content.description, order: category.order };
		const existing = documentId ? await categories.findOne({ documentId, locale }) : null;
		if (!existing) {
			const id = documentId;
			const localized = { ...data, slug: locale === primary ? slug : slugOf(content.name, locale) };
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

/** The document an entry's translations belong to: the one holding its anchor in its primary locale, else in another. */
function documentOf(entry: PlannedEntry, stored: StoredEntries): string | undefined {
	let documentId: string | undefined;
	for (const locale of [primaryOf(entry.locales), ...Object.keys(entry.locales)]) {
		documentId ??= stored.documentOf(entry.anchor, locale);
	}
	return documentId;
}

/** The slugs, by locale, that the page's new translations would take first. */
function newSlugs(entries: readonly PlannedEntry[], stored: StoredEntries): Map<string, Set<string>> {
	const wanted = new Map<string, Set<string>>();
	for (const entry of entries) {
		const documentId = documentOf(entry, stored);
		for (const [locale, content] of Object.entries(entry.locales)) {
			if (documentId && stored.draft(documentId, locale)) continue;
			const slugs = wanted.get(locale) ?? new Set();
			wanted.set(locale, slugs.add(slugOf(content.question, locale)));
		}
	}
	return wanted;
}

/** One page being applied: where it writes, what it found, what it did. */
interface PageWrite {
	entries: Documents;
	stored: StoredEntries;
	slugs: Slugs;
	/** The category's documentId, and its row in each locale (relations link the rows of one locale). */
	categoryId: string | null;
	categoryRows: Map<string, number>;
	publish: boolean;
	changes: ImportChange[];
	/** The page's new entries, checked and waiting to be written together. */
	newEntries: NewEntries;
	/** A published row written without the document service, which sends no event of its own for it. */
	published?: { documentId: string; locale: string; publishedAt: unknown };
}

/** Checks an entry the CMS does not hold in any locale, all its translations; it is written with the page's other new entries. */
async function addNewEntry(page: PageWrite, entry: PlannedEntry): Promise<void> {
	const { slugs, publish, changes } = page;
	const translations: NewTranslation[] = [];
	for (const [locale, { question, answer, keywords }] of Object.entries(entry.locales)) {
		const categoryRow = page.categoryRows.get(locale) ?? null;
		translations.push({ locale, question, answer, keywords, slug: await slugs.claim(question, locale), categoryRow });
	}
	await page.newEntries.add({ anchor: entry.anchor, order: entry.order, translations, publish }, (translation, check) =>
		naming(`Entry "${entry.anchor}" (${translation.locale}, ${entry.locales[translation.locale]?.source})`, check),
	);
	for (const { locale } of translations) {
		changes.push({ kind: "entry", anchor: entry.anchor, locale, action: "created" });
		if (publish) changes.push({ kind: "entry", anchor: entry.anchor, locale, action: "published" });
	}
}

/** Writes the new entries checked so far, all at once (new-entry.ts), and records their drafts as stored. */
async function writeNewEntries(page: PageWrite): Promise<void> {
	const { stored, categoryId } = page;
	if (page.newEntries.isEmpty()) return;
	const written = await naming(`Writing the page's new entries (${page.newEntries.anchorsText()})`, () => page.newEntries.write());
	for (const row of written.flat()) {
		if (row.publishedAt === null) stored.add({ ...row, category: categoryId ? { documentId: categoryId } : null });
		else page.published ??= { documentId: row.documentId, locale: row.locale, publishedAt: row.publishedAt };
	}
}

async function applyEntry(page: PageWrite, entry: PlannedEntry): Promise<void> {
	const { entries, stored, slugs, categoryId, publish, changes } = page;
	// An entry of the same anchor before it, not written yet, is its document: it must be stored to be found.
	if (page.newEntries.has(entry.anchor)) await writeNewEntries(page);
	let documentId = documentOf(entry, stored);
	const locales = Object.entries(entry.locales);
	// A document the CMS does not hold yet, in locales the category has: written as rows with the page's other new ones (new-entry.ts).
	if (!documentId && locales.every(([locale]) => categoryId === null || page.categoryRows.has(locale))) return addNewEntry(page, entry);
	// The document service's writes follow the new entries before them, as in the page.
	await writeNewEntries(page);
	const category = categoryId ? { set: [categoryId] } : { set: [] };
	const toPublish: Array<{ locale: string; what: string }> = [];

	for (const [locale, content] of locales) {
		const what = `Entry "${entry.anchor}" (${locale}, ${content.source})`;
		const existing = documentId ? stored.draft(documentId, locale) : undefined;
		const published = documentId ? stored.isPublished(documentId, locale) : false;
		const data = { question: content.question, answer: content.answer, keywords: content.keywords, order: entry.order, category };
		let action: ImportChange["action"];
		if (!existing) {
			const id = documentId;
			const created = { ...data, anchor: entry.anchor, slug: await slugs.claim(content.question, locale) };
			const written = await naming(what, () =>
				id ? entries.update({ documentId: id, locale, data: created }) : entries.create({ locale, data: created }),
			);
			if (written) stored.add({ ...written, locale, anchor: entry.anchor });
			documentId = written?.documentId ?? documentId;
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
			toPublish.push({ locale, what });
			changes.push({ kind: "entry", anchor: entry.anchor, locale, action: "published" });
		}
	}
	// Every locale to publish in one call: Strapi reads the document's versions and relations once, not once per locale.
	const id = documentId;
	if (id && toPublish.length > 0) {
		const what =
			toPublish.length === 1
				? (toPublish[0]?.what ?? "")
				: `Entry "${entry.anchor}" (${toPublish.map((item) => item.what.slice(item.what.indexOf("(") + 1, -1)).join("; ")})`;
		await naming(what, () =>
			entries.publish({ documentId: id, locale: toPublish.length === 1 ? toPublish[0]?.locale : toPublish.map((item) => item.locale) }),
		);
	}
}
