import type { APIRoute } from "astro";
import { siteOf } from "../lib/urls";

export const GET: APIRoute = ({ site }) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL("/sitemap.xml", siteOf(site)).href}\n`, {
		headers: { "content-type": "text/plain" },
	});
