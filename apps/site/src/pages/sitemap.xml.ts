// The sitemap (lib/sitemap.ts).
import { getCollection } from "astro:content";
import type { APIRoute } from "astro";
import { sitemapXml } from "../lib/sitemap";

export const GET: APIRoute = async ({ site }) => {
	const [entries, categories] = await Promise.all([getCollection("entries"), getCollection("categories")]);
	const body = sitemapXml(
		site,
		entries.map((entry) => entry.data),
		categories.map((category) => category.data),
	);
	return new Response(body, { headers: { "content-type": "application/xml" } });
};
