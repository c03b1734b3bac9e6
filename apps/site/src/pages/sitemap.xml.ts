// The sitemap, with every page's translations as xhtml:link alternates.

import { getCollection } from "astro:content";
import { localeCodes } from "@aide/locales";
import type { APIRoute } from "astro";
import { aboutPages } from "../lib/about";
import { searchUrl } from "../lib/search-url";
import { alternatesOf, categoryUrl, entryUrl, faqUrl, homeUrl, siteOf } from "../lib/urls";

type Cluster = Record<string, string>;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export const GET: APIRoute = async ({ site }) => {
	const base = siteOf(site);
	const absolute = (path: string) => new URL(path, base).href;
	// Alternates in the order of the locales list, so that the file is the same from build to build.
	const ordered = (cluster: Cluster) => localeCodes.filter((code) => cluster[code]).map((code) => [code, cluster[code] as string] as const);
	const everyLocale = (url: (locale: string) => string): Cluster => Object.fromEntries(localeCodes.map((code) => [code, url(code)]));
	const clusters: Cluster[] = [everyLocale(homeUrl), everyLocale(faqUrl), everyLocale((code) => searchUrl(code)), aboutPages];
	const seen = new Set<string>();
	const items = [
		...(await getCollection("entries")).map((entry) => alternatesOf(entry.data, entryUrl)),
		...(await getCollection("categories")).map((category) => alternatesOf(category.data, categoryUrl)),
	];
	for (const cluster of items) {
		const key = JSON.stringify(ordered(cluster));
		if (!seen.has(key)) clusters.push(cluster);
		seen.add(key);
	}
	const urls = clusters.flatMap((cluster) =>
		ordered(cluster).map(([, path]) => {
			const links = ordered(cluster).map(
				([code, other]) => `<xhtml:link rel="alternate" hreflang="${code}" href="${escapeXml(absolute(other))}"/>`,
			);
			return `<url><loc>${escapeXml(absolute(path))}</loc>${links.join("")}</url>`;
		}),
	);
	const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
	return new Response(body, { headers: { "content-type": "application/xml" } });
};
