// Writes entries the CMS does not hold yet (no version in any locale) the way Strapi's document service
// would, minus what only matters for a document that already exists: a draft row per locale and, to
// publish, a published row per locale with the same documentId, fields, timestamps and category link.
// A new document has no published version to replace and no relation pointing at it, so none of the
// document service's per-publish work applies (reading the versions back with every relation, moving
// the relations that pointed at the replaced version, one event per row read back in full after the
// commit); on an import that work was most of the time. Each row is checked as the document service
// checks it: the content model's rules (Strapi's entity validator) and the CMS's own field patterns.
// The checked entries of a page are then written together (link-rows.ts): one insert for the drafts,
// one for the published rows and one for their category links, where one row at a time took an insert,
// a nested transaction and a read back per row.
import { ENTRY_UID } from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";
import { type Components, patternFields } from "../middlewares/pattern-fields";
import { linkRows } from "./link-rows";

export interface NewTranslation {
	locale: string;
	question: string;
	answer: string;
	keywords: string | null;
	slug: string;
	/** The category's row in this locale (relations link the rows of one locale), or null for none. */
	categoryRow: number | null;
}

export interface NewEntry {
	anchor: string;
	order: number;
	translations: NewTranslation[];
	publish: boolean;
}

/** A row written, with the fields it was written with. */
export interface Row {
	id: number;
	documentId: string;
	locale: string;
	createdAt: Date;
	updatedAt: Date;
	publishedAt: Date | null;
	[field: string]: unknown;
}

/** A content type as Strapi's validator and the field patterns read it. */
type ContentType = Parameters<ReturnType<typeof patternFields>>[0]["contentType"];

/** One translation checked and ready to be written: its fields as the validator returned them. */
interface Checked {
	locale: string;
	fields: Record<string, unknown>;
	categoryRow: number | null;
	publish: boolean;
}

/** One translation being written: its draft row, and its published row when it is published. */
interface Version {
	draft: Row;
	published?: Row;
	categoryRow: number | null;
	publish: boolean;
}

/** The entries table's model as Strapi's database layer holds it: where a new row's documentId comes from. */
interface EntryModel {
	attributes: { documentId?: { default?: unknown } };
}

/** The new entries of one import page: each checked when added, all written at once by `write()`. */
export class NewEntries {
	private readonly strapi: Core.Strapi;
	private readonly contentType: ContentType;
	private readonly checkPatterns: ReturnType<typeof patternFields>;
	/** The checked translations waiting to be written, by entry, in the order they were added. */
	private pending: Checked[][] = [];
	/** The anchors of the entries waiting to be written. */
	private readonly anchors = new Set<string>();

	constructor(strapi: Core.Strapi) {
		this.strapi = strapi;
		this.contentType = strapi.contentType(ENTRY_UID as never) as ContentType;
		this.checkPatterns = patternFields(() => strapi.components as unknown as Components);
	}

	/** Whether no entry waits to be written. */
	isEmpty(): boolean {
		return this.pending.length === 0;
	}

	/** Whether an entry with this anchor waits to be written (an entry after it with the same anchor must see it first). */
	has(anchor: string): boolean {
		return this.anchors.has(anchor);
	}

	/** The anchors waiting to be written, for a message: the first three, and how many more. */
	anchorsText(): string {
		const anchors = [...this.anchors];
		const more = anchors.length > 3 ? ` and ${anchors.length - 3} more` : "";
		return `${anchors
			.slice(0, 3)
			.map((anchor) => `"${anchor}"`)
			.join(", ")}${more}`;
	}

	/**
	 * Checks each translation of a new entry; `naming` turns a refusal into the import's message for that
	 * translation. Nothing is written until `write()`.
	 */
	async add(entry: NewEntry, naming: (translation: NewTranslation, check: () => Promise<void>) => Promise<void>): Promise<void> {
		const checked: Checked[] = [];
		for (const translation of entry.translations) {
			const fields = {
				question: translation.question,
				answer: translation.answer,
				keywords: translation.keywords,
				slug: translation.slug,
				anchor: entry.anchor,
				order: entry.order,
			};
			await naming(translation, async () => {
				await this.checkPatterns({ action: "create", contentType: this.contentType, params: { data: fields } }, async () => undefined);
				// Checked once: by the published version's rules when it is published, which include the draft's.
				const valid = await this.strapi.entityValidator.validateEntityCreation(
					this.contentType as never,
					fields as never,
					{ isDraft: !entry.publish, locale: translation.locale } as never,
				);
				checked.push({
					locale: translation.locale,
					fields: valid as Record<string, unknown>,
					categoryRow: translation.categoryRow,
					publish: entry.publish,
				});
			});
		}
		this.pending.push(checked);
		this.anchors.add(entry.anchor);
	}

	/**
	 * Writes every entry added since the last call: the drafts, then the published rows, then the category
	 * links. Returns the rows written, by entry, in each locale the draft, then the published row.
	 */
	async write(): Promise<Row[][]> {
		const entries = this.pending;
		this.pending = [];
		this.anchors.clear();
		if (entries.length === 0) return [];
		const db = this.strapi.db;
		const newDocumentId = (db.metadata.get(ENTRY_UID) as unknown as EntryModel).attributes.documentId?.default;
		// Strapi's own generator for new documents (its model's default), so the ids look like any other.
		if (typeof newDocumentId !== "function") throw new Error(`Strapi's model of ${ENTRY_UID} has no documentId generator.`);
		const now = new Date();
		const versions: Version[][] = entries.map((translations) => {
			const documentId = String(newDocumentId());
			return translations.map(({ locale, fields, categoryRow, publish }) => ({
				draft: { ...fields, id: 0, documentId, locale, createdAt: now, updatedAt: now, publishedAt: null },
				categoryRow,
				publish,
			}));
		});
		const all = versions.flat();
		await this.insert(all.map((version) => version.draft));
		// As Strapi's publish does: the published rows carry the drafts' timestamps, so the drafts read as not modified.
		const publishedAt = new Date();
		for (const version of all) if (version.publish) version.published = { ...version.draft, publishedAt };
		const published = all.flatMap((version) => (version.published ? [version.published] : []));
		if (published.length > 0) await this.insert(published);
		const rows = (version: Pick<Version, "draft" | "published">) =>
			version.published ? [version.draft, version.published] : [version.draft];
		await this.readIds(all.flatMap(rows));
		// Entry by entry, in each locale: the order of the page, as one create per row linked them.
		const links = all.flatMap(({ categoryRow, ...version }) =>
			categoryRow === null ? [] : [{ ids: rows(version).map((row) => row.id), target: categoryRow }],
		);
		await linkRows(this.strapi, ENTRY_UID, "category", links);
		return versions.map((translations) => translations.flatMap(rows));
	}

	/** Inserts rows with Strapi's batch insert (as many rows per statement as the database takes), without their relations. */
	private async insert(rows: Row[]): Promise<void> {
		const data = rows.map(({ id: _id, ...row }) => row);
		const result = (await this.strapi.db.query(ENTRY_UID as never).createMany({ data } as never)) as { count: number };
		if (result.count !== rows.length) throw new Error(`Strapi wrote ${result.count} of ${rows.length} rows of new entries.`);
	}

	/**
	 * Sets each row's id, read back by documentId: the ids a multi-row insert returns come in no promised
	 * order (SQLite's RETURNING says so outright), so they cannot be matched to the rows by position.
	 */
	private async readIds(rows: Row[]): Promise<void> {
		const key = (row: { documentId: string; locale: string; publishedAt: unknown }) =>
			`${row.documentId} ${row.locale} ${row.publishedAt === null ? "draft" : "published"}`;
		const byKey = new Map(rows.map((row) => [key(row), row]));
		const documentIds = [...new Set(rows.map((row) => row.documentId))];
		for (let start = 0; start < documentIds.length; start += 500) {
			const stored = (await this.strapi.db.query(ENTRY_UID as never).findMany({
				where: { documentId: { $in: documentIds.slice(start, start + 500) } },
				select: ["id", "documentId", "locale", "publishedAt"],
			})) as Array<{ id: number; documentId: string; locale: string; publishedAt: unknown }>;
			for (const row of stored) {
				const written = byKey.get(key(row));
				if (written) written.id = row.id;
			}
		}
		const missing = rows.find((row) => row.id === 0);
		if (missing) throw new Error(`The row of new entry ${missing.documentId} (${missing.locale}) was not found after it was written.`);
	}
}
