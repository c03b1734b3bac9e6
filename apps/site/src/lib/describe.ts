// Meta descriptions: every page has one (Lighthouse's SEO audit, and the summary a pasted link shows).
// An entry without a summary is described by the start of its answer.
import type { SiteEntry } from "@aide/cms-loader";

/** About what search engines show of a description before they cut it. */
export const DESCRIPTION_MAX_LENGTH = 155;

/** Elements whose edges separate words: their tags become spaces, other tags (inline) nothing. */
const BLOCK_TAG =
	/<\/?(?:p|br|hr|div|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|thead|tbody|tfoot|tr|td|th|caption|figure|figcaption|details|summary)\b[^>]*>/gi;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
/** Runs of white space, but not the non-breaking spaces French puts before « ? ! : ; » (they keep their place). */
const SPACES = /[ \t\n\r\f]+/g;

/**
 * The text of an answer's HTML, on one line. The HTML is the sanitiser's own output (@aide/markdown:
 * well-formed, no script or comment, text escaped with character references), so tags can be dropped
 * by pattern rather than by parsing every answer a second time.
 */
export function textOfHtml(html: string): string {
	return html
		.replace(BLOCK_TAG, " ")
		.replace(/<[^>]*>/g, "")
		.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (reference, hex?: string, decimal?: string, name?: string) => {
			if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
			if (decimal) return String.fromCodePoint(Number.parseInt(decimal, 10));
			return NAMED[name?.toLowerCase() ?? ""] ?? reference;
		})
		.replace(SPACES, " ")
		.trim();
}

/** `text` cut to at most `max` characters on a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = DESCRIPTION_MAX_LENGTH): string {
	const clean = text.replace(SPACES, " ").trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max - 1);
	const lastSpace = cut.lastIndexOf(" ");
	// A single word longer than the limit is cut inside it rather than dropped.
	const words = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
	return `${words.replace(/[\s,;:.!?\u00a0«“(-]+$/, "")}…`;
}

type Described = Pick<SiteEntry, "summary" | "html" | "question">;
/** Descriptions already made, by entry: an answer's page and its permalink page both describe it. */
const descriptions = new WeakMap<Described, string>();

/** An entry's meta description: its summary as the editors wrote it, else the start of its answer, else its question. */
export function entryDescription(entry: Described): string {
	const summary = entry.summary?.trim();
	if (summary) return summary;
	let described = descriptions.get(entry);
	if (described === undefined) {
		described = excerpt(textOfHtml(entry.html)) || entry.question;
		descriptions.set(entry, described);
	}
	return described;
}
