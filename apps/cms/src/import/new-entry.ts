// Writes an entry the CMS does not hold yet (no version in any locale) the way Strapi's document service
// would, minus what only matters for a document that already exists: its draft row per locale and, to
// publish, a published row per locale with the same documentId, fields, timestamps and category link.
// A new document has no published version to replace and no relation pointing at it, so none of the
// document service's per-publish work applies (reading the versions back with every relation, moving
// the relations that pointed at the replaced version, one event per row read back in full after the
// commit); on an import that work was most of the time. Each row is checked as the document service
// checks it: the content model's rules (Strapi's entity validator) and the CMS's own field patterns.
import { ENTRY_UID } from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";
import { type Components, patternFields } from "../middlewares/pattern-fields";

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

export interface Row {
	id: number;
	documentId: string;
	locale: string;
	createdAt: string | Date;
	updatedAt: string | Date;
	publishedAt: string | Date | null;
}

/** A content type as Strapi's validator and the field patterns read it. */
type ContentType = Parameters<ReturnType<typeof patternFields>>[0]["contentType"];

/**
 * Writes the rows of a new entry, translation by translation; `naming` turns a refusal into the import's
 * message for that translation. Returns the rows written, in each locale the draft, then the published row.
 */
export async function createNewEntry(
	strapi: Core.Strapi,
	entry: NewEntry,
	naming: (translation: NewTranslation, write: () => Promise<Row[]>) => Promise<Row[]>,
): Promise<Row[]> {
	const contentType = strapi.contentType(ENTRY_UID as never) as ContentType;
	const checkPatterns = patternFields(() => strapi.components as unknown as Components);
	const rows = strapi.db.query(ENTRY_UID as never);
	const written: Row[] = [];
	let documentId: string | undefined;
	for (const translation of entry.translations) {
		const fields = {
			question: translation.question,
			answer: translation.answer,
			keywords: translation.keywords,
			slug: translation.slug,
			anchor: entry.anchor,
			order: entry.order,
		};
		const relation = translation.categoryRow === null ? {} : { category: translation.categoryRow };
		const versions = await naming(translation, async () => {
			await checkPatterns({ action: "create", contentType, params: { data: fields } }, async () => undefined);
			// Checked once: by the published version's rules when it is published, which include the draft's.
			const valid = await strapi.entityValidator.validateEntityCreation(
				contentType as never,
				fields as never,
				{
					isDraft: !entry.publish,
					locale: translation.locale,
				} as never,
			);
			const data = { ...(valid as object), ...relation, locale: translation.locale };
			const draft = (await rows.create({ data: { ...data, ...(documentId ? { documentId } : {}), publishedAt: null } })) as Row;
			if (!entry.publish) return [draft];
			// As Strapi's publish does: the published row carries the draft's timestamps, so the draft reads as not modified.
			const published = (await rows.create({
				data: { ...data, documentId: draft.documentId, publishedAt: new Date(), createdAt: draft.createdAt, updatedAt: draft.updatedAt },
			})) as Row;
			return [draft, published];
		});
		documentId = versions[0]?.documentId;
		written.push(...versions);
	}
	return written;
}
