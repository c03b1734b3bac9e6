// `/theme.css`: the main colour of the site settings as the CSS custom property --aide-accent, in a
// stylesheet of its own since the CSP allows no inline style. Linked after the site's stylesheet by
// every page. Without a colour set, --aide-accent is the stylesheet's own --accent (light and dark).
// With one, it becomes the accent of the light scheme, and, mixed with white so links stay readable
// on the dark background, of the dark one. `html:root` outranks global.css's `:root`, whatever the order.
import type { APIRoute } from "astro";
import { accentColor } from "../lib/site-settings";

export function themeCss(colour: string | null): string {
	if (colour === null) return ":root {\n\t--aide-accent: var(--accent);\n}\n";
	return [
		`:root {\n\t--aide-accent: ${colour};\n}`,
		"html:root {\n\t--accent: var(--aide-accent);\n}",
		"@media (prefers-color-scheme: dark) {\n\thtml:root {\n\t\t--accent: color-mix(in oklab, var(--aide-accent) 45%, white);\n\t}\n}",
		"",
	].join("\n");
}

export const GET: APIRoute = async () =>
	new Response(themeCss(await accentColor()), { headers: { "content-type": "text/css; charset=utf-8" } });
