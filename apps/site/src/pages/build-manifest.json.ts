// The build manifest (see @aide/site-build's manifest.ts): where each entry's pages are, their
// anchors and their permalink page, for the site service. The render step moves this file out of the public files.
import { getCollection } from "astro:content";
import { manifestOf } from "@aide/site-build/manifest";
import type { APIRoute } from "astro";
import { entryUrl, permalinkUrl } from "../lib/urls";

export const GET: APIRoute = async () => {
	const entries = (await getCollection("entries")).map((entry) => entry.data);
	return new Response(JSON.stringify(manifestOf(entries, entryUrl, permalinkUrl)), { headers: { "content-type": "application/json" } });
};
