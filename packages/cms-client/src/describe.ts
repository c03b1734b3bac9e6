// How errors and logs name a document: a documentId alone means nothing to the editor who has to
// find it in the CMS, so the question (or a category's name) and the locale go with it.

/** How much of a question a message quotes: enough to find it in the CMS's list view. */
const TITLE_CHARS = 60;

/** `text` on one line, cut to 60 characters, quoted (JSON-escaped: it comes from outside). */
export function quoteTitle(text: string): string {
	const line = text.replace(/\s+/g, " ").trim();
	return JSON.stringify(line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS)}…` : line);
}

/** The document's title: an entry's question, a category's name; undefined when it has none that can be shown. */
function titleOf(document: unknown): string | undefined {
	const { question, name } = (document ?? {}) as { question?: unknown; name?: unknown };
	const title = typeof question === "string" ? question : typeof name === "string" ? name : undefined;
	return title?.trim() ? title : undefined;
}

/**
 * `doc1 "Où sont situés vos serveurs ?" (fr)`: the documentId, the title when there is one, and the
 * locale when it is given (a message that names the locale once leaves it out).
 */
export function describeDocument(document: unknown, locale?: string): string {
	const id = (document as { documentId?: unknown } | null)?.documentId;
	const title = titleOf(document);
	return `${String(id ?? "(no documentId)")}${title ? ` ${quoteTitle(title)}` : ""}${locale ? ` (${locale})` : ""}`;
}
