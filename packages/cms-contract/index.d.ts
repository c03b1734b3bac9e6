// ---- Content types (content-types.js) ----

/** Strapi's uid of the FAQ entry content type (content-models/faq-entry.json). */
export declare const ENTRY_UID: "api::faq-entry.faq-entry";
/** Strapi's uid of the category content type (content-models/category.json). */
export declare const CATEGORY_UID: "api::category.category";
/** The REST collection of FAQ entries: `/api/faq-entries`. */
export declare const ENTRY_COLLECTION: "faq-entries";
/** The REST collection of categories: `/api/categories`. */
export declare const CATEGORY_COLLECTION: "categories";
/** Strapi's uid of the site settings, a single type (content-models/site-setting.json). */
export declare const SETTINGS_UID: "api::site-setting.site-setting";
/** The REST path of the site settings: `/api/site-setting` (a single type's singularName). */
export declare const SETTINGS_PATH: "site-setting";
/** Strapi's uid of the search aggregates (content-models/insight-search.json): no REST route; the insights token writes them. */
export declare const INSIGHT_SEARCH_UID: "api::insight-search.insight-search";
/** Strapi's uid of the answer feedback aggregates (content-models/insight-feedback.json): no REST route; the insights token writes them. */
export declare const INSIGHT_FEEDBACK_UID: "api::insight-feedback.insight-feedback";

// ---- The slug rule (slug.js) ----

/** What a slug or an anchor looks like: the content models' `regex`. */
export declare const SLUG_PATTERN: RegExp;
export declare const ANCHOR_MAX_LENGTH: number;
export declare const SLUG_MAX_LENGTH: number;

/** Thrown by {@link slugFor} for text with no letter or digit, when no fallback is given. */
export declare class SlugError extends Error {}

/**
 * Makes a slug (or an anchor) of `text`: transliterated, lowercase, words joined by dashes, at most
 * `maxLength` (default {@link SLUG_MAX_LENGTH}) characters and never ending with a dash. `locale`
 * picks the word for "&" (French: "et"; otherwise "and"): slugs, which readers see in URLs, take
 * their locale; anchors, stored ids shared by all translations, take none ("&" stays "and" in them,
 * as in the anchors already stored). Text with no letter or digit gives `fallback`, or throws a
 * {@link SlugError} when there is none.
 */
export declare function slugFor(text: string, options?: { locale?: string; maxLength?: number; fallback?: string }): string;

// ---- Rebuild calls (rebuild-call.js) ----

/** What changes the public site. Draft saves also send entry.create / entry.update: see {@link isDraftSave}. */
export declare const REBUILD_EVENTS: readonly ["entry.create", "entry.update", "entry.delete", "entry.publish", "entry.unpublish"];
export type RebuildEvent = (typeof REBUILD_EVENTS)[number];

/**
 * The body of a rebuild call, as the CMS sends it (the body Strapi's webhooks send) and as
 * {@link readRebuildCall} reads it: fields of the wrong type are left out.
 */
export interface RebuildCall {
	/** One of {@link REBUILD_EVENTS} from the CMS; a call naming none still asks for a rebuild. */
	event?: string;
	createdAt?: string;
	uid?: string;
	model?: string;
	entry?: { documentId?: string; publishedAt: string | null };
}

/** Reads a rebuild call's parsed JSON body; anything that is not a {@link RebuildCall} field of the right type is dropped. */
export declare function readRebuildCall(body: unknown): RebuildCall;

/** Whether an event is a draft save (entry.create / entry.update of an entry without publishedAt): readers see no change. */
export declare function isDraftSave(call: { event?: string; entry?: { publishedAt?: unknown } | null }): boolean;

/** A call's event and content type, for logs: "entry.publish api::faq-entry.faq-entry". */
export declare function rebuildReason(call: Pick<RebuildCall, "event" | "uid" | "model">): string;

// ---- Translation freshness (freshness.js) ----

/**
 * Whether a translation is older than its source: the default locale's published version changed after the
 * translation's published version did. The site's "outdated" notice and the translation worklist both use it.
 */
export declare function isOutdatedTranslation(sourceUpdatedAt: string | Date, translationUpdatedAt: string | Date): boolean;

// ---- The import's and export's routes (routes.js) ----
/** Registered by the CMS under `prefix`; called by the import at `prefix + import` / `prefix + export`. */
export declare const AIDE_ROUTES: { readonly prefix: "/aide"; readonly import: "/import"; readonly export: "/export" };

// ---- The CMS's ready line (ready-line.js) ----

export declare const CMS_READY_PREFIX: string;
/** The line the CMS's launcher prints once it is ready, for the CMS at `url` (`http://host:port`). */
export declare function cmsReadyLine(url: string): string;
/** Whether `output` holds the CMS's ready line. */
export declare function saysCmsIsReady(output: string): boolean;

// ---- The import / export wire format (types only) ----
// `POST /aide/import` and `GET /aide/export` (apps/cms/src/import/), called by packages/faq-import.
// The CMS checks each import request against this shape (apps/cms/src/import/wire.ts).

/** One page and its translations, as the import asks the CMS to make them true. */
export interface ImportGroup {
	/** The page's key, for messages. */
	key: string;
	files: string[];
	category: PlannedCategory | null;
	entries: PlannedEntry[];
}

export interface PlannedCategory {
	order: number;
	/** Per locale: the category's name and description in that language. */
	locales: Record<string, { name: string; description: string | null }>;
}

/** One question in each of its languages. */
export interface LocalizedEntry {
	question: string;
	/** Markdown. */
	answer: string;
	/** Search keywords. */
	keywords: string | null;
	/** Where it came from: `file:line`. */
	source: string;
}

export interface PlannedEntry {
	/** Stable id shared by all translations: the heading id, else the slug of the source question. */
	anchor: string;
	order: number;
	locales: Record<string, LocalizedEntry>;
}

export interface ImportRequest {
	group: ImportGroup;
	publish: boolean;
	dryRun: boolean;
}

/** What the CMS did (or, in a dry run, would do) to one entry or category in one locale. */
export interface ImportChange {
	kind: "entry" | "category";
	anchor: string;
	locale: string;
	action: "created" | "updated" | "unchanged" | "published";
}

export interface ImportResponse {
	changes: ImportChange[];
}

/** A category (or, with `slug: null`, the entries that have none) with its entries, in every locale. */
export interface ExportedCategory {
	slug: string | null;
	order: number;
	locales: Record<string, { name: string; description: string | null }>;
	entries: ExportedEntry[];
}

export interface ExportedEntry {
	anchor: string;
	order: number;
	locales: Record<string, { question: string; answer: string; keywords: string | null }>;
}

export interface ExportResponse {
	categories: ExportedCategory[];
}

/** The body of a refused import (400: not the wire format; 422: the CMS refused an entry or category). */
export interface ImportErrorResponse {
	error: { status: 400 | 422; name: "ValidationError" | "ImportApplyError"; message: string };
}

// ---- Reader insights (insights.js) ----

/** Why an answer did not help. */
export declare const INSIGHT_REASONS: readonly ["unclear", "incomplete", "not-my-question", "outdated"];
export type InsightReason = (typeof INSIGHT_REASONS)[number];
export declare const INSIGHT_QUERY_MAX_LENGTH: 100;
export declare const INSIGHT_COMMENT_MAX_LENGTH: 500;
/** Comments the CMS keeps per day, language and answer: the latest ones. */
export declare const INSIGHT_COMMENTS_KEPT: 20;
/** `GET /aide/insights`'s `days`: its default, and the longest period a report may cover (ten years). */
export declare const INSIGHT_REPORT_DAYS: { readonly default: 30; readonly max: 3650 };
/** A FAQ entry's documentId: lower-case letters and digits, at most 64. */
export declare const INSIGHT_DOCUMENT_ID_PATTERN: RegExp;
/** What `record` accepts in one {@link InsightBatch}: increments (searches and feedback together), bytes of JSON, and each count's maximum. */
export declare const INSIGHT_BATCH_LIMITS: { readonly items: 1000; readonly bytes: 524288; readonly count: 100000 };
export declare const INSIGHT_ROUTES: {
	/** The portal's public server (same origin as the site): `POST` one {@link InsightEvent}. */
	readonly events: "/aide/events";
	/** The CMS content API (`/api` + this): `POST` an {@link InsightBatch}; the insights token only. */
	readonly record: "/aide-insights/record";
	/** The CMS admin route (`/aide` + this): `GET ?locale=fr&days=30` → {@link InsightReport}. */
	readonly report: "/insights";
	/** The CMS admin route (`/aide` + this): `POST` {@link KeywordRequest}. */
	readonly keyword: "/insights/keyword";
};

/** A query as stored (trimmed, lower-cased, ≤ 100 characters), or undefined when empty or personal (e-mail, phone, long digit run). */
export declare function insightQuery(raw: unknown): string | undefined;

/** What the site sends the portal, one per request. `locale` is the page's language. */
export type InsightEvent =
	/** A search that settled: the query as typed and how many results it found. */
	| { type: "search"; locale: string; query: string; results: number }
	/** A result opened from a search: the query and the site path of the answer opened. */
	| { type: "open"; locale: string; query: string; path: string }
	/** A vote under an answer (documentId of the FAQ entry); reasons and comment only with helpful: false. */
	| { type: "feedback"; locale: string; documentId: string; helpful: boolean; reasons?: InsightReason[]; comment?: string };

/**
 * Counts to add, per day (UTC, `YYYY-MM-DD`), language and query (as {@link insightQuery} gives it; the CMS
 * applies it again and drops what it rejects). `noResult` counts some of the `searches`, so it is never more.
 */
export interface SearchIncrement {
	day: string;
	locale: string;
	query: string;
	searches: number;
	noResult: number;
	opened: number;
}

/**
 * Counts to add, per day, language and answer (the FAQ entry's documentId; feedback on an entry deleted
 * since is dropped); comments are appended. Reasons and comments come with "no" votes only: each reason's
 * count, and the number of comments, are at most `notHelpful`.
 */
export interface FeedbackIncrement {
	day: string;
	locale: string;
	documentId: string;
	helpful: number;
	notHelpful: number;
	reasons: Partial<Record<InsightReason, number>>;
	comments: string[];
}

/** What the portal sends the CMS: increments it adds to the stored aggregates, in one transaction. */
export interface InsightBatch {
	searches: SearchIncrement[];
	feedback: FeedbackIncrement[];
}

/** `GET /aide/insights?locale=fr&days=30`: the chosen period and locale, most frequent / least helpful first. */
export interface InsightReport {
	locale: string;
	days: number;
	/**
	 * Queries that found nothing: `count` searches with no result over the period, most first (at most 100).
	 * `searches` (all searches of that query) and `opened` (results opened from it) are over the same period.
	 */
	failedSearches: Array<{ query: string; count: number; searches: number; opened: number }>;
	/**
	 * Votes per answer over the period: answers with "no" votes first (most "no", then the highest share of "no"),
	 * at most 100; `question` in the report's locale (draft or published), else the default locale's; `comments`
	 * latest first, at most 20. Answers no longer in the CMS are left out.
	 */
	feedback: Array<{
		documentId: string;
		question: string;
		helpful: number;
		notHelpful: number;
		reasons: Partial<Record<InsightReason, number>>;
		comments: string[];
	}>;
	/**
	 * Per locale other than the default (only the report's locale when it is not the default): entries of the default
	 * locale with no version in that locale (`missing`), and translations whose published version is older than their
	 * source's ({@link isOutdatedTranslation}: `outdated`). `question` in that locale, else the default locale's.
	 * Sorted by locale, state (missing first), question.
	 */
	translations: Array<{ documentId: string; question: string; locale: string; state: "missing" | "outdated" }>;
}

/** `POST /aide/insights/keyword`: adds `keyword` to the answer's keywords in `locale` (its draft; publishing stays the editor's). */
export interface KeywordRequest {
	documentId: string;
	locale: string;
	keyword: string;
}

/** What `POST /aide/insights/keyword` answers: the draft's keywords now, and whether the keyword was new to them. */
export interface KeywordResponse {
	documentId: string;
	locale: string;
	keywords: string;
	added: boolean;
}

/**
 * A refused insights request: 400 (a bad parameter or body), 403 (the caller's role may not read that report or
 * edit that entry's keywords in that locale), 404 (no such entry in that locale) or 422 (the keyword does not fit in
 * the entry's keywords). The message names what is wrong and what to do.
 */
export interface InsightErrorResponse {
	error: {
		status: 400 | 403 | 404 | 422;
		name: "ValidationError" | "ForbiddenError" | "NotFoundError" | "KeywordsTooLongError";
		message: string;
	};
}
