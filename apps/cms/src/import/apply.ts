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
import { oneRebuildCall } from "../bootstrap/rebuild-calls";

interface StoredDocument {
	id?: number;
	documentId: string;
	locale?: string;
	anchor?: string | null;
	slug?: string;
	publishedAt?: string | null;
	[field: string]: unknown;
}

/** Minimal view of Strapi's Document Service, as this module uses it. */
interface Documents {
	findMany(params: object): Promise<StoredDocument[]>;
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
		// One rebuild call for the page, sent once it is committed; none for a dry run, which commits nothing.
		await oneRebuildCall(() =>
			strapi.db.transaction(async () => {
				const documents = (uid: string) => strapi.documents(uid as never) as unknown as Documents;
				const categoryId = request.group.category ? await applyCategory(documents(CATEGORY_UID), request.group.category, changes) : null;
				const entries = documents(ENTRY_UID);
				const stored = await StoredEntries.load(
					entries,
					request.group.entries.map((entry) => entry.anchor),
				);
				const slugs = new Slugs(entries);
				await slugs.load(newSlugs(request.group.entries, stored));
				for (const entry of request.group.entries) {
					await applyEntry(entries, stored, slugs, entry, categoryId, request.publish, changes);
				}
				if (request.dryRun) throw new DryRunRollback();
			}),
		);
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

/** Which slugs each locale's drafts already use, read once per page for the slugs its new entries would take first. */
class Slugs {
	private readonly taken = new Map<string, Set<string>>();
	private readonly entries: Documents;
	constructor(entries: Documents) {
		this.entries = entries;
	}

	/** Reads, for each locale, which of `wanted` slugs its drafts hold (a few queries for the page, not one per entry). */
	async load(wanted: Map<string, Set<string>>): Promise<void> {
		for (const [locale, slugs] of wanted) {
			const taken = this.of(locale);
			for (const chunk of chunks([...slugs])) {
				const rows = await this.entries.findMany({ locale, status: "draft", filters: { slug: { $in: chunk } }, fields: ["slug"] });
				for (const row of rows) if (row.slug) taken.add(row.slug);
			}
		}
	}

	/** The slug of `question` in `locale`, or the first of its numbered variants no draft of the locale uses; it is then taken. */
	async claim(question: string, locale: string): Promise<string> {
		const base = slugify(question, locale);
		const taken = this.of(locale);
		for (let suffix = 1; ; suffix++) {
			const slug = suffix === 1 ? base : `${base}-${suffix}`;
			// The base was read by load(); a numbered variant is rare enough to be asked for on its own.
			const used =
				taken.has(slug) || (suffix > 1 && (await this.entries.findFirst({ locale, filters: { slug }, status: "draft" })) !== null);
			if (!used) {
				taken.add(slug);
				return slug;
			}
		}
	}

	private of(locale: string): Set<string> {
		const taken = this.taken.get(locale) ?? new Set<string>();
		this.taken.set(locale, taken);
		return taken;
	}
}

/** What the CMS holds of a page's entries, read in a few queries for the whole page instead of several per entry and locale. */
class StoredEntries {
	/** The drafts, by documentId and locale. */
	private readonly drafts = new Map<string, StoredDocument>();
	/** The documentId of the first draft with an anchor in a locale, by `anchor locale`. */
	private readonly byAnchor = new Map<string, string>();
	/** `documentId locale` of each published version. */
	private readonly published = new Set<string>();

	static async load(entries: Documents, anchors: string[]): Promise<StoredEntries> {
		const stored = new StoredEntries();
		const drafts: StoredDocument[] = [];
		for (const chunk of chunks(anchors)) {
			drafts.push(
				...(await entries.findMany({
					locale: "*",
					status: "draft",
					filters: { anchor: { $in: chunk } },
					populate: { category: { fields: ["documentId"] } },
				})),
			);
		}
		// The first by id, as the one-by-one lookups found it.
		drafts.sort((a, b) => Number(a.id) - Number(b.id));
		for (const draft of drafts) stored.add(draft);
		for (const chunk of chunks([...new Set(drafts.map((draft) => draft.documentId))])) {
			const rows = await entries.findMany({
				locale: "*",
				status: "published",
				filters: { documentId: { $in: chunk } },
				fields: ["locale"],
			});
			for (const row of rows) stored.published.add(`${row.documentId} ${row.locale}`);
		}
		return stored;
	}

	/** Records a draft read or just written. */
	add(draft: StoredDocument): void {
		const key = `${draft.documentId} ${draft.locale}`;
		if (!this.drafts.has(key)) this.drafts.set(key, draft);
		const anchor = `${draft.anchor} ${draft.locale}`;
		if (typeof draft.anchor === "string" && !this.byAnchor.has(anchor)) this.byAnchor.set(anchor, draft.documentId);
	}

	documentOf(anchor: string, locale: string): string | undefined {
		return this.byAnchor.get(`${anchor} ${locale}`);
	}

	draft(documentId: string, locale: string): StoredDocument | undefined {
		return this.drafts.get(`${documentId} ${locale}`);
	}

	isPublished(documentId: string, locale: string): boolean {
		return this.published.has(`${documentId} ${locale}`);
	}
}

/** Lists cut to a size every database takes in one `IN (...)`. */
function chunks<T>(list: readonly T[], size = 500): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
	return out;
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
			wanted.set(locale, slugs.add(slugify(content.question, locale)));
		}
	}
	return wanted;
}

async function applyEntry(
	entries: Documents,
	stored: StoredEntries,
	slugs: Slugs,
	entry: PlannedEntry,
	categoryId: string | null,
	publish: boolean,
	changes: ImportChange[],
): Promise<void> {
	let documentId = documentOf(entry, stored);
	const category = categoryId ? { set: [categoryId] } : { set: [] };
	const toPublish: Array<{ locale: string; what: string }> = [];

	for (const [locale, content] of Object.entries(entry.locales)) {
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
