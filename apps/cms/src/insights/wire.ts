// What `POST /api/aide-insights/record` accepts: an InsightBatch (@aide/cms-contract), checked field by
// field on arrival. Only the portal's token reaches this route, but it relays what readers' browsers sent,
// so nothing is taken on trust: a wrong field refuses the whole batch with its place (`searches[3].day`),
// and a query the privacy rule rejects (insightQuery) is dropped, whoever sent it.
import {
	type FeedbackIncrement,
	INSIGHT_BATCH_LIMITS,
	INSIGHT_COMMENT_MAX_LENGTH,
	INSIGHT_DOCUMENT_ID_PATTERN,
	INSIGHT_REASONS,
	type InsightReason,
	insightQuery,
	type SearchIncrement,
} from "@aide/cms-contract";

/** Thrown for a batch that is not an InsightBatch; becomes a 400 whose message names the field. */
export class InsightWireError extends Error {
	override name = "InsightWireError";
}

/** A batch as the CMS records it, with how many increments were dropped (personal queries, days already pruned). */
export interface CheckedBatch {
	searches: SearchIncrement[];
	feedback: FeedbackIncrement[];
	dropped: number;
}

export interface WireRules {
	/** The CMS's locales. */
	locales: readonly string[];
	/** The first day still kept (`YYYY-MM-DD`): older increments are dropped, as pruning would delete them. */
	oldestDay: string;
	/** The last day accepted: tomorrow, UTC, for a portal whose clock runs a little ahead. */
	newestDay: string;
}

const SEARCH_FIELDS = ["day", "locale", "query", "searches", "noResult", "opened"];
const FEEDBACK_FIELDS = ["day", "locale", "documentId", "helpful", "notHelpful", "reasons", "comments"];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const shown = (value: unknown) =>
	typeof value === "string" ? `"${value.slice(0, 40)}${value.length > 40 ? "…" : ""}"` : String(JSON.stringify(value));

function fields(value: unknown, where: string, allowed: string[]): Record<string, unknown> {
	if (!isRecord(value)) throw new InsightWireError(`${where}: must be an object with ${allowed.join(", ")}.`);
	const unknown = Object.keys(value).find((key) => !allowed.includes(key));
	if (unknown !== undefined)
		throw new InsightWireError(`${where}: unknown field "${unknown}". It holds ${allowed.join(", ")}, nothing else.`);
	return value;
}

function count(value: unknown, where: string, max: number = INSIGHT_BATCH_LIMITS.count): number {
	if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max)
		throw new InsightWireError(`${where}: must be a whole number from 0 to ${max}, not ${shown(value)}.`);
	return value as number;
}

/** A real calendar day, `YYYY-MM-DD`, not after `rules.newestDay`. */
function day(value: unknown, where: string, rules: WireRules): string {
	const match = typeof value === "string" ? DAY.exec(value) : null;
	const [year, month, date] = (match?.slice(1) ?? []).map(Number) as [number, number, number];
	if (!match || new Date(Date.UTC(year, month - 1, date)).toISOString().slice(0, 10) !== value)
		throw new InsightWireError(`${where}: must be a day as YYYY-MM-DD (UTC), not ${shown(value)}.`);
	if ((value as string) > rules.newestDay)
		throw new InsightWireError(
			`${where}: ${shown(value)} is after ${rules.newestDay}, tomorrow by the CMS's clock. Check the portal's clock.`,
		);
	return value as string;
}

function locale(value: unknown, where: string, rules: WireRules): string {
	if (typeof value !== "string" || !rules.locales.includes(value))
		throw new InsightWireError(`${where}: ${shown(value)} is not one of the CMS's locales (${rules.locales.join(", ")}).`);
	return value;
}

function search(value: unknown, where: string, rules: WireRules): SearchIncrement | undefined {
	const item = fields(value, where, SEARCH_FIELDS);
	const checked = {
		day: day(item.day, `${where}.day`, rules),
		locale: locale(item.locale, `${where}.locale`, rules),
		query: item.query,
		searches: count(item.searches, `${where}.searches`),
		noResult: count(item.noResult, `${where}.noResult`),
		opened: count(item.opened, `${where}.opened`),
	};
	if (typeof checked.query !== "string") throw new InsightWireError(`${where}.query: must be text, not ${shown(checked.query)}.`);
	if (checked.noResult > checked.searches)
		throw new InsightWireError(
			`${where}.noResult: ${checked.noResult} is more than its searches (${checked.searches}); a search with no result is one of the searches.`,
		);
	const query = insightQuery(checked.query);
	if (query === undefined || checked.day < rules.oldestDay) return undefined;
	return { ...checked, query };
}

function reasons(value: unknown, where: string, notHelpful: number): Partial<Record<InsightReason, number>> {
	if (!isRecord(value)) throw new InsightWireError(`${where}: must map reasons (${INSIGHT_REASONS.join(", ")}) to counts.`);
	return Object.fromEntries(
		Object.entries(value).map(([reason, n]) => {
			if (!(INSIGHT_REASONS as readonly string[]).includes(reason))
				throw new InsightWireError(`${where}: "${reason}" is not a reason; the reasons are ${INSIGHT_REASONS.join(", ")}.`);
			// A reason comes with a "no" vote: never more of one than of those.
			return [reason, count(n, `${where}.${reason}`, notHelpful)];
		}),
	);
}

function comments(value: unknown, where: string, notHelpful: number): string[] {
	if (!Array.isArray(value)) throw new InsightWireError(`${where}: must be a list of comments.`);
	if (value.length > notHelpful)
		throw new InsightWireError(`${where}: ${value.length} comments for ${notHelpful} "no" votes; a comment comes with a "no" vote.`);
	return value.map((comment: unknown, index) => {
		const text = typeof comment === "string" ? comment.trim() : "";
		if (text === "" || text.length > INSIGHT_COMMENT_MAX_LENGTH)
			throw new InsightWireError(`${where}[${index}]: must be non-empty text of at most ${INSIGHT_COMMENT_MAX_LENGTH} characters.`);
		return text;
	});
}

function feedback(value: unknown, where: string, rules: WireRules): FeedbackIncrement | undefined {
	const item = fields(value, where, FEEDBACK_FIELDS);
	if (typeof item.documentId !== "string" || !INSIGHT_DOCUMENT_ID_PATTERN.test(item.documentId))
		throw new InsightWireError(
			`${where}.documentId: must be a FAQ entry's documentId (lower-case letters and digits), not ${shown(item.documentId)}.`,
		);
	const notHelpful = count(item.notHelpful, `${where}.notHelpful`);
	const checked: FeedbackIncrement = {
		day: day(item.day, `${where}.day`, rules),
		locale: locale(item.locale, `${where}.locale`, rules),
		documentId: item.documentId,
		helpful: count(item.helpful, `${where}.helpful`),
		notHelpful,
		reasons: reasons(item.reasons, `${where}.reasons`, notHelpful),
		comments: comments(item.comments, `${where}.comments`, notHelpful),
	};
	return checked.day < rules.oldestDay ? undefined : checked;
}

/** Checks a batch's parsed body; throws an {@link InsightWireError} naming the first wrong field. */
export function parseInsightBatch(body: unknown, rules: WireRules): CheckedBatch {
	const batch = fields(body, "The batch", ["searches", "feedback"]);
	if (!Array.isArray(batch.searches) || !Array.isArray(batch.feedback))
		throw new InsightWireError("The batch: must be { searches: [...], feedback: [...] } (either list may be empty).");
	const items = batch.searches.length + batch.feedback.length;
	if (items > INSIGHT_BATCH_LIMITS.items)
		throw new InsightWireError(
			`The batch: holds ${items} increments; at most ${INSIGHT_BATCH_LIMITS.items} are recorded at once. Send the rest in another batch.`,
		);
	const searches = batch.searches.map((item: unknown, index) => search(item, `searches[${index}]`, rules));
	const votes = batch.feedback.map((item: unknown, index) => feedback(item, `feedback[${index}]`, rules));
	const kept = {
		searches: searches.filter((item): item is SearchIncrement => item !== undefined),
		feedback: votes.filter((item): item is FeedbackIncrement => item !== undefined),
	};
	return { ...kept, dropped: items - kept.searches.length - kept.feedback.length };
}
