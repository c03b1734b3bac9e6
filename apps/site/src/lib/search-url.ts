// The search page's address in each locale: its last segment is a UI string ("search.segment":
// `recherche`, `search`), so a translator names it in the locale's strings file and nowhere else.
import { t } from "../i18n";

/** Segments the site's own routes use under /<locale>/: a search page there would hide them. */
const TAKEN = ["faq", "category", "404"];

/** `segment` if it can name the search page of `locale` (a lowercase URL segment no other page uses); else an error saying what to write. */
export function checkedSearchSegment(locale: string, segment: string): string {
	if (!/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(segment) || TAKEN.includes(segment)) {
		throw new Error(
			`apps/site/src/i18n/${locale}.json has "search.segment": ${JSON.stringify(segment)}, which cannot name the search page /${locale}/<segment>/: write lowercase letters and digits, words joined by hyphens, and none of ${TAKEN.join(", ")}.`,
		);
	}
	return segment;
}

/** The search page's segment in `locale` ("recherche"), checked. */
export const searchSegment = (locale: string) => checkedSearchSegment(locale, t(locale, "search.segment"));

/** The search page of `locale`, with the reader's query when there is one (a link support staff can send). */
export const searchUrl = (locale: string, query?: string) =>
	`/${locale}/${searchSegment(locale)}/${query ? `?q=${encodeURIComponent(query)}` : ""}`;

/**
 * The choices of the search box's category filter in `locale`, as one small JSON file (the categories'
 * names in the editors' order, pages/[lang]/search-categories.json.ts) that /search.js fetches when the
 * panel first shows the filter, rather than a list every page carries.
 */
export const searchCategoriesUrl = (locale: string) => `/${locale}/search-categories.json`;
