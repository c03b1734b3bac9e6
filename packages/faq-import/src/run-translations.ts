// `npm run translations`: the translation worklist of the insights report (`GET /aide/insights`) as CSV,
// one row per entry and locale left to translate or to bring up to date, with a link to edit it.
import { writeFileSync } from "node:fs";
import { ENTRY_UID, type InsightReport } from "@aide/cms-contract";
import { stringify } from "csv-stringify/sync";
import { type CmsTarget, fetchInsights } from "./client.ts";

export const TRANSLATIONS_COLUMNS = ["locale", "state", "documentId", "question", "editUrl"] as const;

/**
 * Where the admin edits an entry in a locale (for a missing translation, the form that creates it). The
 * admin lives at `/admin` of the CMS (apps/cms/config/admin.ts leaves Strapi's default).
 */
export function adminEditUrl(cmsUrl: string, documentId: string, locale: string): string {
	const path = `/admin/content-manager/collection-types/${ENTRY_UID}/${encodeURIComponent(documentId)}`;
	return `${cmsUrl.replace(/\/+$/, "")}${path}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;
}

/** The worklist as CSV (RFC 4180 quoting, a header row, `\n` line ends). */
export function translationsCsv(cmsUrl: string, translations: InsightReport["translations"]): string {
	const rows = translations.map((item) => [
		item.locale,
		item.state,
		item.documentId,
		item.question,
		adminEditUrl(cmsUrl, item.documentId, item.locale),
	]);
	return stringify(rows, { header: true, columns: [...TRANSLATIONS_COLUMNS] });
}

/**
 * Reads the worklist, of one locale or (`locale` unset, or the default locale) of every locale other than
 * the default, and writes it as CSV to `out`, or returns it. Returns the CSV and its number of rows.
 */
export async function runTranslations(
	target: CmsTarget,
	{ locale, out }: { locale?: string; out?: string } = {},
): Promise<{ csv: string; rows: number }> {
	const { translations } = await fetchInsights(target, { locale });
	const csv = translationsCsv(target.url, translations);
	if (out !== undefined) writeFileSync(out, csv);
	return { csv, rows: translations.length };
}
