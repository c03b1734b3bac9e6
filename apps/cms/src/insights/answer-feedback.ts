// The report's "answers that did not help": the feedback aggregates of one locale over the period,
// summed per answer, with the answer's question.
import { INSIGHT_COMMENTS_KEPT, INSIGHT_FEEDBACK_UID, INSIGHT_REASONS, type InsightReason, type InsightReport } from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";
import { allRows, count, json } from "./db-rows";
import { questionOf, readEntryVersions } from "./entry-versions";
import type { ReportQuery } from "./report-query";

/** The most answers a report lists. */
export const FEEDBACK_LIMIT = 100;
/** The most comments it shows per answer, the latest: as many as the CMS keeps for one day. */
const COMMENTS_LIMIT = INSIGHT_COMMENTS_KEPT;

type AnswerFeedback = InsightReport["feedback"][number];

const shareOfNo = (answer: AnswerFeedback) => answer.notHelpful / (answer.helpful + answer.notHelpful || 1);

/** Answers with "no" votes first: most "no", then the highest share of "no", then most "yes"; ties by documentId. */
function byLeastHelpful(a: AnswerFeedback, b: AnswerFeedback): number {
	return (
		b.notHelpful - a.notHelpful ||
		shareOfNo(b) - shareOfNo(a) ||
		b.helpful - a.helpful ||
		(a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0)
	);
}

function addReasons(total: AnswerFeedback["reasons"], stored: unknown): void {
	const reasons = json(stored);
	if (!reasons || typeof reasons !== "object") return;
	for (const reason of INSIGHT_REASONS) {
		const added = count((reasons as Partial<Record<InsightReason, unknown>>)[reason]);
		if (added > 0) total[reason] = (total[reason] ?? 0) + added;
	}
}

/** Votes per answer over the period, least helpful first. Answers no longer in the CMS are left out: there is nothing to edit. */
export async function answerFeedback(strapi: Core.Strapi, { locale, since }: ReportQuery): Promise<AnswerFeedback[]> {
	// Newest first, so that comments come out latest first (each day's comments are stored in the order they came).
	const rows = (
		await allRows(strapi, INSIGHT_FEEDBACK_UID, { language: locale, day: { $gte: since } }, [
			"day",
			"answer",
			"helpful",
			"notHelpful",
			"reasons",
			"comments",
		])
	).sort((a, b) => (String(a.day) < String(b.day) ? 1 : String(a.day) > String(b.day) ? -1 : 0));
	const byAnswer = new Map<string, AnswerFeedback>();
	for (const row of rows) {
		const documentId = String(row.answer);
		const total = byAnswer.get(documentId) ?? { documentId, question: "", helpful: 0, notHelpful: 0, reasons: {}, comments: [] };
		total.helpful += count(row.helpful);
		total.notHelpful += count(row.notHelpful);
		addReasons(total.reasons, row.reasons);
		const comments = json(row.comments);
		if (Array.isArray(comments)) {
			const latestFirst = comments.filter((comment): comment is string => typeof comment === "string").reverse();
			total.comments.push(...latestFirst.slice(0, COMMENTS_LIMIT - total.comments.length));
		}
		byAnswer.set(documentId, total);
	}
	const entries = await readEntryVersions(strapi, [...byAnswer.keys()]);
	const answers: AnswerFeedback[] = [];
	for (const answer of byAnswer.values()) {
		const question = questionOf(entries.get(answer.documentId), locale);
		if (question !== undefined) answers.push({ ...answer, question });
	}
	return answers.sort(byLeastHelpful).slice(0, FEEDBACK_LIMIT);
}
