// Which pages the audits look at, found in the built site rather than typed in: for each locale its
// home, the answer page that shows an image, a category page the home links to, and the search page
// with a query. Slugs and path segments are the site's business; this file only follows its links.
import type { BuildManifest } from "@aide/site-build";

export const PAGE_KINDS = ["home", "answer", "category", "search"] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface AuditedPage {
	kind: PageKind;
	locale: string;
	/** The path and query to open on the public site, such as `/fr/faq/<slug>/`. */
	path: string;
}

/** The paths of the `<a href>`s of a page, same-site ones only, in document order. */
function linkPaths(html: string): string[] {
	return [...html.matchAll(/<a\s[^>]*?href="([^"#?]*)[^"]*"/g)].flatMap(([, href]) => (href?.startsWith("/") ? [href] : []));
}

/**
 * The action of the home's search form (a `<form>` with a field named `q`), when the site has a
 * search page that takes `?q=`; undefined while it has none.
 */
function searchAction(html: string, locale: string): string | undefined {
	for (const [, attributes = "", body = ""] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const action = /\baction="(\/[^"?#]*)"/.exec(attributes)?.[1];
		if (action?.startsWith(`/${locale}/`) && /\bname="q"/.test(body)) return action;
	}
	return undefined;
}

/** The longest word of a slug: a word the answer's own page holds, so that a search for it finds something. */
const searchWord = (slug: string) => slug.split("-").reduce((longest, word) => (word.length > longest.length ? word : longest), "");

/**
 * The pages to audit in `locale`, from the home's HTML and the build manifest; `answer` is the
 * documentId of the entry given an image.
 */
export function discoverPages(locale: string, homeHtml: string, manifest: BuildManifest, answer: string): AuditedPage[] {
	const home = `/${locale}/`;
	const answerPage = manifest.entries[answer]?.[locale];
	if (!answerPage) throw new Error(`The build manifest has no ${locale} page for entry ${answer}, the answer given an image.`);
	const entryPages = new Set(Object.values(manifest.entries).flatMap((pages) => Object.values(pages).map((page) => page.page)));
	// A category page: a page of this locale two levels down (/<locale>/<section>/<slug>/) that is no answer's.
	const category = linkPaths(homeHtml).find(
		(path) => path.startsWith(home) && path.split("/").filter(Boolean).length === 3 && !entryPages.has(path),
	);
	if (!category) {
		throw new Error(
			`The home ${home} links to no category page (a link /${locale}/<section>/<slug>/ that is no answer's page): the audits need one. Check the home's category list.`,
		);
	}
	const query = `?q=${encodeURIComponent(searchWord(answerPage.slug))}`;
	const action = searchAction(homeHtml, locale);
	if (!action) throw new Error(`${home} has no search form with a "q" field leading to the search page: there is no search page to audit.`);
	return [
		{ kind: "home", locale, path: home },
		{ kind: "answer", locale, path: answerPage.page },
		{ kind: "category", locale, path: category },
		{ kind: "search", locale, path: `${action}${query}` },
	];
}
