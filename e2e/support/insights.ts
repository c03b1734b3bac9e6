// Reader insights for the insights journeys: counts written into the CMS as the portal would write
// them, and the FAQ entries they are about.
//
// Until the CMS's record route (POST /api/aide-insights/record, the insights token) is on this branch,
// the counts go in as rows of the aggregate types through the content API with a full-access API token
// the first admin creates: the same rows the record route stores for an InsightBatch.
import { ENTRY_UID, type InsightBatch } from "@aide/cms-contract";
import { asAdmin } from "./admin-api.ts";

let fullAccessKey: Promise<string> | undefined;

function fullAccessToken(cmsUrl: string): Promise<string> {
	fullAccessKey ??= asAdmin<{ data: { accessKey: string } }>(cmsUrl, "POST", "/admin/api-tokens", {
		name: `e2e insights ${Date.now()}`,
		description: "Writes the insights journeys' counts.",
		type: "full-access",
		lifespan: null,
	}).then(({ data }) => data.accessKey);
	return fullAccessKey;
}

async function create(cmsUrl: string, collection: string, data: Record<string, unknown>): Promise<void> {
	const response = await fetch(`${cmsUrl}/api/${collection}`, {
		method: "POST",
		headers: { "content-type": "application/json", authorization: `Bearer ${await fullAccessToken(cmsUrl)}` },
		body: JSON.stringify({ data }),
	});
	if (!response.ok) throw new Error(`POST /api/${collection} failed: ${response.status} ${await response.text()}`);
}

/** Stores an insight batch's counts in the CMS. */
export async function recordInsights(cmsUrl: string, batch: InsightBatch): Promise<void> {
	for (const { day, locale, query, searches, noResult, opened } of batch.searches) {
		await create(cmsUrl, "insight-searches", { day, language: locale, query, searches, noResult, opened });
	}
	for (const { day, locale, documentId, helpful, notHelpful, reasons, comments } of batch.feedback) {
		await create(cmsUrl, "insight-feedbacks", { day, language: locale, answer: documentId, helpful, notHelpful, reasons, comments });
	}
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

/** A query no demo answer matches, different on every run: letters only (digit runs are dropped as personal). */
export function unansweredQuery(words: string): string {
	const letters = "abcdefghijklmnopqrstuvwxyz";
	const suffix = Array.from({ length: 6 }, () => letters[Math.floor(Math.random() * letters.length)]).join("");
	return `${words} ${suffix}`;
}
