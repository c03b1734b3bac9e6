// What the CMS already holds of an import page's entries, read in a few queries for the whole page
// (the drafts by anchor, their published versions, the slugs new entries would take) instead of several
// per entry and locale, and kept up to date as the page is written.
import { slugFor } from "@aide/cms-contract";

export interface StoredDocument {
	id?: number;
	documentId: string;
	locale?: string;
	anchor?: string | null;
	slug?: string;
	publishedAt?: unknown;
	[field: string]: unknown;
}

/** Minimal view of Strapi's Document Service, as this module uses it. */
export interface Documents {
	findMany(params: object): Promise<StoredDocument[]>;
	findFirst(params: object): Promise<StoredDocument | null>;
	findOne(params: object): Promise<StoredDocument | null>;
	create(params: object): Promise<StoredDocument>;
	update(params: object): Promise<StoredDocument | null>;
	publish(params: object): Promise<unknown>;
}

/** The slug of a name or question in `locale`; text with no letter or digit (a "???" question with a heading id) gets "entry". */
export const slugOf = (text: string, locale: string) => slugFor(text, { locale, fallback: "entry" });

/** Which slugs each locale's drafts already use, read once per page for the slugs its new entries would take first. */
export class Slugs {
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
		const base = slugOf(question, locale);
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
export class StoredEntries {
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
