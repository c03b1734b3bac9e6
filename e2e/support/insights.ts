// Reader insights for the insights journeys: counts written into the CMS as the portal would write
// them, and the FAQ entries they are about.
//
// The counts go in through the CMS's record route with the insights token, as the portal sends them.
import { ENTRY_UID, INSIGHT_ROUTES, type InsightBatch } from "@aide/cms-contract";
import { asAdmin } from "./admin-api.ts";
import { env } from "./env.ts";

/** Adds an insight batch's counts to the CMS's aggregates (POST /api/aide-insights/record). */
export async function recordInsights(cmsUrl: string, batch: InsightBatch): Promise<void> {
	const response = await fetch(`${cmsUrl}/api${INSIGHT_ROUTES.record}`, {
		method: "POST",
		headers: { "content-type": "application/json", authorization: `Bearer ${env("E2E_INSIGHTS_TOKEN")}` },
		body: JSON.stringify(batch),
	});
	if (!response.ok) throw new Error(`POST /api${INSIGHT_ROUTES.record} failed: ${response.status} ${await response.text()}`);
}

/** The documentId of the FAQ entry whose question, in `locale`, is `question`. */
export async function entryDocumentId(cmsUrl: string, locale: string, question: string): Promise<string> {
	const params = new URLSearchParams({ locale, _q: question, pageSize: "10" });
	const { results } = await asAdmin<{ results: Array<{ documentId: string; question: string }> }>(
		cmsUrl,
		"GET",
		`/content-manager/collection-types/${ENTRY_UID}?${params}`,
	);
	const entry = results.find((candidate) => candidate.question === question);
	if (!entry) throw new Error(`No FAQ entry in ${locale} has the question "${question}": the demo content has changed.`);
	return entry.documentId;
}

/** Today as the aggregates' day (UTC, YYYY-MM-DD). */
export const today = () => new Date().toISOString().slice(0, 10);

/** A query for insights recorded directly (no search runs): letters only (digit runs are dropped as personal). */
export function unansweredQuery(words: string): string {
	return `${words} ${randomLetters(6)}`;
}

/**
 * A query the site's search cannot find anything for, different on every run: one word of letters
 * starting with "wq". Pagefind 1.6 (pagefind_web/src/search.rs) drops a typed word that matches no
 * indexed word, and for a word it does not know it falls back to the longest indexed word the typed
 * one begins with. So a random word finds the pages of any one-letter word it starts with: the
 * answer hostile.spec.ts publishes holds the XSS corpus's `import y from 'z'`, and CI runs read
 * « 1 résultat » for "zq…" (and for "remboursement" followed by a random word). No demo or test
 * content has the word "w" or a word starting with "wq"; keep it so.
 */
export function unsearchableQuery(): string {
	return `wq${randomLetters(8)}`;
}

function randomLetters(length: number): string {
	const letters = "abcdefghijklmnopqrstuvwxyz";
	return Array.from({ length }, () => letters[Math.floor(Math.random() * letters.length)]).join("");
}
