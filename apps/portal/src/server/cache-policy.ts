// How long browsers and caches may keep each file of the site without asking again:
// - files whose name changes with their content (fingerprinted: Astro's /_astro/ assets, the images
//   of /media/, Pagefind's hashed index files) never change under their name: a year, immutable;
// - pages, the site's own scripts and stylesheets whose names do not change (search.js, theme.css: a
//   cached old one would run against new pages, or show the old colour), the sitemap, and Pagefind's
//   files whose names do not change (pagefind.js, pagefind-entry.json, which names the hashed files
//   of the live build: a stale one would point at files gone after the next rebuild): kept, but
//   checked on every use (`no-cache`; the ETag makes the check a 304), since the site is rebuilt on
//   each publish;
// - anything else (the favicon, robots.txt): a few minutes.

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";
export const SHORT = "public, max-age=300";

const FINGERPRINTED = [
	/^\/_astro\//,
	/^\/media\//,
	/^\/pagefind\/(?:fragment|index|filter)\/[^/]+_[0-9a-f]{7,}\.pf_[a-z]+$/,
	/^\/pagefind\/pagefind\.[^/]+_[0-9a-f]{7,}\.pf_meta$/,
];

/** The Cache-Control of the file the site serves at `name` (its path in the site, e.g. `/fr/index.html`). */
export function cacheControl(name: string): string {
	if (FINGERPRINTED.some((pattern) => pattern.test(name))) return IMMUTABLE;
	if (/\.(?:html|js|mjs|css|json|xml)$/.test(name) || name.startsWith("/pagefind/")) return REVALIDATE;
	return SHORT;
}
