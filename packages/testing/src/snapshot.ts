// A content snapshot (as `npm run snapshot` writes) of generated entries, for builds without a CMS.
import { writeFileSync } from "node:fs";

/** Writes `perLocale` entries per locale (fr and en) in `categories` categories to `file`. */
export function writeSyntheticSnapshot(file: string, perLocale: number, categories = 2): void {
	const now = "2026-11-27T00:00:00.000Z";
	const locales = Object.fromEntries(
		["fr", "en"].map((locale) => [
			locale,
			{
				categories: Array.from({ length: categories }, (_, n) => ({
					id: n + 1,
					documentId: `cat${n}`,
					locale,
					createdAt: now,
					updatedAt: now,
					publishedAt: now,
					name: `${locale === "fr" ? "Rubrique" : "Section"} ${n}`,
					slug: `${locale}-rubrique-${n}`,
					description: null,
					order: n,
				})),
				entries: Array.from({ length: perLocale }, (_, n) => ({
					id: n + 1,
					documentId: `doc${n}`,
					locale,
					createdAt: now,
					updatedAt: now,
					publishedAt: now,
					question: `${locale === "fr" ? "Question" : "Question en"} ${n} ?`,
					slug: `${locale}-question-${n}`,
					answer: `Réponse **${n}**.`,
					summary: null,
					keywords: null,
					anchor: `q${n}`,
					order: n,
					category: { documentId: `cat${n % categories}`, slug: `${locale}-rubrique-${n % categories}` },
					related: [],
				})),
			},
		]),
	);
	writeFileSync(file, JSON.stringify({ fetchedAt: now, locales }));
}
