// What one changed entry changes on the site, for the site service only: when one published entry
// changes, the service sends its published versions here (in `Astro.locals`) and gets back
// - `refused`: why the change must wait for the full build, which checks the whole content (a slug,
//   anchor or permalink id that another entry has: the full build fails on it and says so);
// - `entry`: the entry's pages, as the build manifest holds them (@aide/site-build's manifest.ts);
// - `moved`: the files of its pages at the last build that it no longer has (a slug or permalink id
//   changed), which stay, stale, until the full build removes them: links to them keep working;
// - `pages`: the other pages it changes, each with the route under /internal/ that renders it with the
//   new versions and the file it is written to: each locale's home and full FAQ page, the category
//   pages it is in and was in, and the sitemap when it is new or moved.
// The entry's own pages and permalink page are rendered by entry.astro and permalink.astro here.
import { getCollection } from "astro:content";
import { localeCodes } from "@aide/locales";
import { type EntryChanges, manifestOf, pageFile } from "@aide/site-build/manifest";
import type { APIRoute } from "astro";
import { categoryUrl, entryUrl, faqUrl, homeUrl, permalinkUrl } from "../../../lib/urls";

export const prerender = false;

const json = (body: EntryChanges) => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
const file = (page: string) => pageFile(page).join("/");

export const GET: APIRoute = async ({ locals }) => {
	const versions = locals.changedEntry?.versions;
	const first = versions?.[0];
	if (!versions || !first)
		return new Response("No entry to say the changes of\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
	const { documentId } = first;
	const entries = (await getCollection("entries")).map((entry) => entry.data);
	const built = entries.filter((entry) => entry.documentId === documentId);
	const others = entries.filter((entry) => entry.documentId !== documentId);

	for (const version of versions) {
		const clash = others.find(
			(other) =>
				(other.locale === version.locale && (other.slug === version.slug || other.anchor === version.anchor)) ||
				other.permalinkId === version.permalinkId,
		);
		if (clash) {
			const field =
				clash.locale === version.locale && clash.slug === version.slug
					? `slug "${version.slug}"`
					: clash.locale === version.locale && clash.anchor === version.anchor
						? `anchor "${version.anchor}"`
						: `permalink "${version.permalinkId}"`;
			return json({
				refused: `its ${field} in ${version.locale} is also the ${field.split(" ")[0]} of ${JSON.stringify(clash.question)} (entry ${clash.documentId}) in ${clash.locale}`,
			});
		}
	}

	const entry = manifestOf(versions, entryUrl, permalinkUrl).entries[documentId] ?? {};
	const now = new Set(Object.values(entry).flatMap((page) => [page.page, page.permalink.page]));
	const moved = [...new Set(built.flatMap((old) => [entryUrl(old.locale, old.slug), permalinkUrl(old.permalinkId)]))]
		.filter((page) => !now.has(page))
		.map(file);
	const isNew = versions.some((version) => !built.some((old) => old.locale === version.locale));
	const locales = localeCodes.filter((code) => [...versions, ...built].some((version) => version.locale === code));
	const pages = locales.flatMap((locale) => {
		const categories = new Set(
			[...built, ...versions].flatMap((version) => (version.locale === locale && version.category ? [version.category.slug] : [])),
		);
		return [
			{ route: `/internal/${locale}/home/`, file: file(homeUrl(locale)) },
			{ route: `/internal/${locale}/faq/`, file: file(faqUrl(locale)) },
			...[...categories].map((slug) => ({
				route: `/internal/${locale}/category/${encodeURIComponent(slug)}/`,
				file: file(categoryUrl(locale, slug)),
			})),
		];
	});
	if (isNew || moved.length > 0) pages.push({ route: `/internal/${first.locale}/sitemap.xml`, file: "sitemap.xml" });
	return json({ entry, moved, pages });
};
