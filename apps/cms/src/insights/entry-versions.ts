// The FAQ entries as the insights report needs them: per document and locale, the draft and the
// published version, with their question and last change.
import { ENTRY_UID } from "@aide/cms-contract";
import { defaultLocale } from "@aide/locales";
import type { Core } from "@strapi/strapi";
import { allRows } from "./db-rows";

export interface EntryVersion {
	question: string;
	updatedAt: string | Date;
}

/** One locale of a document: its draft (always there with draft & publish) and its published version, if any. */
export interface LocaleVersions {
	draft?: EntryVersion;
	published?: EntryVersion;
}

/** documentId → locale → versions. */
export type EntryIndex = Map<string, Map<string, LocaleVersions>>;

/** Reads the entries' versions, of the given documents only when `documentIds` is given. */
export async function readEntryVersions(strapi: Core.Strapi, documentIds?: readonly string[]): Promise<EntryIndex> {
	const where = documentIds ? { documentId: { $in: documentIds } } : {};
	const rows = await allRows(strapi, ENTRY_UID, where, ["documentId", "locale", "question", "publishedAt", "updatedAt"]);
	const index: EntryIndex = new Map();
	for (const row of rows) {
		const documentId = String(row.documentId);
		const locale = String(row.locale);
		const byLocale = index.get(documentId) ?? new Map<string, LocaleVersions>();
		const versions = byLocale.get(locale) ?? {};
		const version = { question: String(row.question ?? ""), updatedAt: row.updatedAt as string | Date };
		if (row.publishedAt) versions.published = version;
		else versions.draft = version;
		byLocale.set(locale, versions);
		index.set(documentId, byLocale);
	}
	return index;
}

/** The document's question in `locale` (its latest text: the draft, else the published one), else the default locale's. */
export function questionOf(versions: Map<string, LocaleVersions> | undefined, locale: string): string | undefined {
	const inLocale = versions?.get(locale);
	const inDefault = versions?.get(defaultLocale);
	return (inLocale?.draft ?? inLocale?.published ?? inDefault?.draft ?? inDefault?.published)?.question;
}
