// The link to contact support from under an answer that did not help: the settings' contact address,
// carrying the answer's permalink and language so that support staff know which answer the reader means.

export interface ContactAbout {
	/** The answer's permalink, absolute. */
	readonly permalink: string;
	/** The page's language code. */
	readonly locale: string;
	/** The e-mail's subject and body, in the page's language (mailto: only). */
	readonly subject: string;
	readonly body: string;
}

/**
 * `contactUrl` (https:, http: or mailto:, as the settings allow) with the answer in it: a mailto: link
 * gets a subject and a body (encoded as RFC 6068 asks: %20, not +); a web address gets the query
 * parameters `answer=<permalink>&lang=<code>`, after any it already has; one that does not parse is left as it is.
 */
export function contactAbout(contactUrl: string, about: ContactAbout): string {
	if (contactUrl.toLowerCase().startsWith("mailto:")) {
		const fields = `subject=${encodeURIComponent(about.subject)}&body=${encodeURIComponent(about.body)}`;
		return `${contactUrl}${contactUrl.includes("?") ? "&" : "?"}${fields}`;
	}
	// The settings' pattern lets through addresses no URL parser takes (a port past 65535, a stray `^`):
	// such a link is kept as the editor typed it, as the contact line shows it, rather than failing every answer page.
	const url = URL.parse(contactUrl);
	if (!url) return contactUrl;
	url.searchParams.set("answer", about.permalink);
	url.searchParams.set("lang", about.locale);
	return url.href;
}
