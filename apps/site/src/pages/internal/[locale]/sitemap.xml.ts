// The sitemap rendered on request with one changed entry, for the site service only (see changed.json.ts
// here): when the entry is new or its pages moved.
import { getCollection } from "astro:content";
import type { APIRoute } from "astro";
import { siteEntries } from "../../../lib/locale-content";
import { sitemapXml } from "../../../lib/sitemap";

export const prerender = false;

export const GET: APIRoute = async ({ site, locals }) => {
	const versions = locals.changedEntry?.versions;
	if (!versions?.length)
		return new Response("No entry to render with\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
	const categories = (await getCollection("categories")).map((category) => category.data);
	return new Response(sitemapXml(site, await siteEntries(versions), categories), { headers: { "content-type": "application/xml" } });
};
