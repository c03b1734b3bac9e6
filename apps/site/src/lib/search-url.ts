// The search page's address in each locale: its last segment is a UI string ("search.segment":
// `recherche`, `search`), so a translator names it in the locale's strings file and nowhere else.
import { t } from "../i18n";

/** Segments the site's own routes use under /<locale>/: a search page there would hide them. */
const TAKEN = new Set(["faq", "category", "404"]);

/** The search page's segment in `locale`, checked: a lowercase URL segment that no other page uses. */
export function searchSegment(locale: string): string {
	const segment = t(locale, "search.segment");
	if (!/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(segment) || TAKEN.has(segment)) {
		throw new Error(
			`apps/site/src/i18n/${locale}.json has "search.segment": ${JSON.stringify(segment)}, which cannot name the search page /${locale}/<segment>/: use lowercase letters, digits and hyphens, and none of ${[...TAKEN].join(", ")}.`,
		);
	}
	return segment;
}

/** The search page of `locale`, with the reader's query when there is one (a link support staff can send). */
export const searchUrl = (locale: string, query?: string) =>
	`/${locale}/${searchSegment(locale)}/${query ? `?q=${encodeURIComponent(query)}` : ""}`;
