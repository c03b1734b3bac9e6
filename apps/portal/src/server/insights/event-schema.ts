// What one request to /aide/events may hold: one InsightEvent (@aide/cms-contract), checked strictly
// (no unknown field, every string capped, locales from the one list) before anything counts it.
import { INSIGHT_COMMENT_MAX_LENGTH, INSIGHT_DOCUMENT_ID_PATTERN, INSIGHT_REASONS, type InsightEvent } from "@aide/cms-contract";
import { isLocale, localeCodes } from "@aide/locales";
import { z } from "zod";

/** A query as typed may run longer than what is kept (insightQuery cuts it); past this it is not a search. */
const MAX_RAW_QUERY = 500;

const locale = z.string().refine(isLocale, { message: `must be one of this site's locales (${localeCodes.join(", ")})` });
const query = z.string().max(MAX_RAW_QUERY);

const search = z.strictObject({ type: z.literal("search"), locale, query, results: z.int().min(0).max(1_000_000) });
const open = z.strictObject({
	type: z.literal("open"),
	locale,
	query,
	path: z.string().max(300).regex(/^\//, "must be a path on the site, starting with /"),
});
const feedback = z.strictObject({
	type: z.literal("feedback"),
	locale,
	documentId: z.string().regex(INSIGHT_DOCUMENT_ID_PATTERN, "must be an answer's documentId (lower-case letters and digits)"),
	helpful: z.boolean(),
	reasons: z.array(z.enum(INSIGHT_REASONS)).max(INSIGHT_REASONS.length).optional(),
	comment: z.string().max(INSIGHT_COMMENT_MAX_LENGTH).optional(),
});

const insightEvent = z.discriminatedUnion("type", [search, open, feedback]);

/** The event in `body` (parsed JSON), or what is wrong with it, in one short line naming the field. */
export function readEvent(body: unknown): { ok: true; event: InsightEvent } | { ok: false; error: string } {
	const parsed = insightEvent.safeParse(body);
	if (parsed.success) {
		const event = parsed.data;
		// Reasons and a comment say why an answer did not help: they come with a "no" only.
		if (event.type === "feedback" && event.helpful && (event.reasons?.length || event.comment !== undefined))
			return { ok: false, error: "The event does not match the schema: reasons and comment come with helpful: false only." };
		return { ok: true, event };
	}
	const [issue] = parsed.error.issues;
	const where = issue?.path.length ? issue.path.join(".") : "the event";
	return { ok: false, error: `The event does not match the schema: ${where}: ${issue?.message ?? "invalid"}.` };
}
