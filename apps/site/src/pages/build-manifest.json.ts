// The build manifest (see @aide/site-build's manifest.ts): where each entry's pages are, and their
// anchors, for the site service. The render step moves this file out of the public files.
import { getCollection } from "astro:content";
import { manifestOf } from "@aide/site-build/manifest";
import type { APIRoute } from "astro";
import { entryUrl } from "../lib/urls";

export const GET: APIRoute = async () => {
	const entries = (await getCollection("entries")).map((entry) => entry.data);
	return new Response(JSON.stringify(manifestOf(entries, entryUrl)), { headers: { "content-type": "application/json" } });
};
