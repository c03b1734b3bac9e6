// `/theme.css`: the main colour of the site settings as the CSS custom property --aide-accent, in a
// stylesheet of its own since the CSP allows no inline style. Linked after the site's stylesheet by
// the pages' head (PageHead.astro) only when a colour is set. Without one, global.css's own
// --aide-accent applies (light and dark). With one, it is the accent of the light scheme and, mixed
// with white so links stay readable on the dark background, of the dark one. `html:root` outranks
// global.css's `:root`, whatever the order.
import type { APIRoute } from "astro";
import { accentColor } from "../lib/site-settings";

export function themeCss(colour: string | null): string {
	if (colour === null) return "/* No main colour in the site settings: styles/global.css's own colours apply. */\n";
	return [
		`html:root {\n\t--aide-brand: ${colour};\n\t--aide-accent: var(--aide-brand);\n}`,
		"@media (prefers-color-scheme: dark) {\n\thtml:root {\n\t\t--aide-accent: color-mix(in oklab, var(--aide-brand) 45%, white);\n\t}\n}",
		"",
	].join("\n");
}

export const GET: APIRoute = async () =>
	new Response(themeCss(await accentColor()), { headers: { "content-type": "text/css; charset=utf-8" } });
