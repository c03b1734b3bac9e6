// Reader insights (issue 17): what the site sends the portal, what the portal sends the CMS, and the
// privacy rule both apply to search queries. The CMS keeps aggregates only (content-models/insight-*.json).

/** Why an answer did not help, as readers pick them under an answer. Labels live in the site's strings. */
export const INSIGHT_REASONS = Object.freeze(["unclear", "incomplete", "not-my-question", "outdated"]);

/** Longest query kept, after trimming and lower-casing. */
export const INSIGHT_QUERY_MAX_LENGTH = 100;
/** Longest reader comment kept under an answer. */
export const INSIGHT_COMMENT_MAX_LENGTH = 500;
/** Comments the CMS keeps per day, language and answer: the latest ones; older ones are dropped. */
export const INSIGHT_COMMENTS_KEPT = 20;
/** How many days an insights report covers by default, and the longest period it may cover (ten years). */
export const INSIGHT_REPORT_DAYS = Object.freeze({ default: 30, max: 3650 });
/** What a FAQ entry's documentId looks like (Strapi makes them of lower-case letters and digits; the models allow 64). */
export const INSIGHT_DOCUMENT_ID_PATTERN = /^[a-z0-9]{1,64}$/u;

/**
 * What the CMS accepts in one {@link InsightBatch}: at most this many increments (searches and feedback
 * together), this many bytes of JSON, and counts up to this much each. A bigger flush is sent as several batches.
 */
export const INSIGHT_BATCH_LIMITS = Object.freeze({ items: 1000, bytes: 512 * 1024, count: 100_000 });

/**
 * The routes of the loop:
 * - `events`: the portal's public server, same origin as the site: `POST /aide/events` (one {@link InsightEvent});
 * - `record`: the CMS's content API, `POST /api/aide-insights/record` (an {@link InsightBatch}), which only the
 *   insights token may call;
 * - `report`: the CMS's admin route, `GET /aide/insights?locale=fr&days=30`, for admins and the import token;
 * - `keyword`: the CMS's admin route, `POST /aide/insights/keyword`, adding a failed query to an answer's keywords.
 */
export const INSIGHT_ROUTES = Object.freeze({
	events: "/aide/events",
	record: "/aide-insights/record",
	report: "/insights",
	keyword: "/insights/keyword",
});

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/u;
// A phone number: a run of at least 7 digits with spaces, dots, dashes, slashes or brackets between them, or a leading +.
const PHONE = /(?:\+\s*\d|\d)(?:[\s()./-]*\d){6,}/u;
const LONG_DIGITS = /\d{5,}/u;

/**
 * A search query as the CMS stores it: trimmed, inner spaces collapsed, lower-cased, at most
 * {@link INSIGHT_QUERY_MAX_LENGTH} characters. `undefined` when nothing is left, or when the query looks like
 * something that identifies a person (an e-mail address, a phone number, a run of 5 digits or more: an order,
 * a card, an account number): such queries are dropped, never stored.
 * @param {unknown} raw
 * @returns {string | undefined}
 */
export function insightQuery(raw) {
	if (typeof raw !== "string") return undefined;
	const query = raw.normalize("NFC").trim().replace(/\s+/gu, " ").toLowerCase().slice(0, INSIGHT_QUERY_MAX_LENGTH).trim();
	if (query === "") return undefined;
	if (EMAIL.test(query) || PHONE.test(query) || LONG_DIGITS.test(query)) return undefined;
	return query;
}
