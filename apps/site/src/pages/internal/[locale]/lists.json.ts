// The list pages of a locale that one changed entry touches, for the site service only: when one
// published entry changes, it renders each with the entry's new versions (by the route named here,
// which gets them in `Astro.locals`) and writes it where the build put the page. They are the home, the
// full FAQ page, and the category pages the entry is in now and was in at the last build.
import { getCollection } from "astro:content";
import type { APIRoute } from "astro";
import { categoryUrl, faqUrl, homeUrl } from "../../../lib/urls";

export const prerender = false;

/** One page to render: the internal route that renders it, and the page's path on the site. */
interface ListPage {
	route: string;
	page: string;
}

export const GET: APIRoute = async ({ params, locals }) => {
	const versions = locals.changedEntry?.versions;
	const locale = params.locale as string;
	if (!versions?.length)
		return new Response("No entry to list pages for\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
	const ids = new Set(versions.map((version) => version.documentId));
	const built = await getCollection("entries", (entry) => entry.data.locale === locale && ids.has(entry.data.documentId));
	const categories = new Set(
		[...built.map((entry) => entry.data), ...versions.filter((version) => version.locale === locale)].flatMap((entry) =>
			entry.category ? [entry.category.slug] : [],
		),
	);
	const pages: ListPage[] = [
		{ route: `/internal/${locale}/home/`, page: homeUrl(locale) },
		{ route: `/internal/${locale}/faq/`, page: faqUrl(locale) },
		...[...categories].map((slug) => ({
			route: `/internal/${locale}/category/${encodeURIComponent(slug)}/`,
			page: categoryUrl(locale, slug),
		})),
	];
	return new Response(JSON.stringify(pages), { headers: { "content-type": "application/json" } });
};
