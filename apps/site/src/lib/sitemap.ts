// The sitemap, with every page's translations as xhtml:link alternates: prerendered by the build
// (pages/sitemap.xml.ts), and rendered by the site service with one changed entry's new versions when
// that entry's pages moved or are new (pages/internal/[locale]/sitemap.xml.ts).
import type { SiteCategory, SiteEntry } from "@aide/cms-loader";
import { localeCodes } from "@aide/locales";
import { aboutPages } from "./about";
import { editorsOrder } from "./locale-content";
import { searchUrl } from "./search-url";
import { alternatesOf, categoryUrl, entryUrl, faqUrl, homeUrl, siteOf } from "./urls";

type Cluster = Record<string, string>;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export function sitemapXml(site: URL | undefined, entries: readonly SiteEntry[], categories: readonly SiteCategory[]): string {
	const base = siteOf(site);
	const absolute = (path: string) => new URL(path, base).href;
	// Alternates in the order of the locales list, so that the file is the same from build to build.
	const ordered = (cluster: Cluster) => localeCodes.filter((code) => cluster[code]).map((code) => [code, cluster[code] as string] as const);
	const everyLocale = (url: (locale: string) => string): Cluster => Object.fromEntries(localeCodes.map((code) => [code, url(code)]));
	const clusters: Cluster[] = [everyLocale(homeUrl), everyLocale(faqUrl), everyLocale((code) => searchUrl(code)), aboutPages];
	const seen = new Set<string>();
	// Entries in a fixed order (locale, then the editors' order), whichever order they came in.
	const sorted = entries.toSorted((a, b) => localeCodes.indexOf(a.locale) - localeCodes.indexOf(b.locale) || editorsOrder(a, b));
	const items = [
		...sorted.map((entry) => alternatesOf(entry, entryUrl)),
		...categories.map((category) => alternatesOf(category, categoryUrl)),
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
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
}
