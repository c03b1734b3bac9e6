import type { APIRoute } from "astro";

export const GET: APIRoute = ({ site }) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL("/sitemap.xml", site ?? "http://127.0.0.1:4321/").href}\n`, {
		headers: { "content-type": "text/plain" },
	});
