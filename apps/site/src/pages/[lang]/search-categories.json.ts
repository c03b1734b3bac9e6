// The search box's category filter in each locale: the categories' names in the editors' order, which
// are also the values of Pagefind's `category` filter (components/EntryArticle.astro). The pages carry
// only the filter's "all categories" choice; /search.js adds these when the panel first shows it.
import { localeCodes } from "@aide/locales";
import type { APIRoute } from "astro";
import { localeCategories } from "../../lib/locale-content";

export function getStaticPaths() {
	return localeCodes.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) => {
	const names = (await localeCategories(params.lang as string)).map((category) => category.name);
	return new Response(JSON.stringify(names), { headers: { "content-type": "application/json" } });
};
