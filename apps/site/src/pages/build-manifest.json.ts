// The build manifest (see @aide/site-build's manifest.ts): where each entry's pages are, their
// anchors and their permalink page, for the site service; and the media files the pages show (the
// answers' images and the settings' logo), which the build copies under /media/. The render step moves this file out of the public files.
import { getCollection } from "astro:content";
import { manifestOf } from "@aide/site-build/manifest";
import type { APIRoute } from "astro";
import { settingsMedia } from "../lib/site-settings";
import { entryUrl, permalinkUrl } from "../lib/urls";

export const GET: APIRoute = async () => {
	const entries = (await getCollection("entries")).map((entry) => entry.data);
	const manifest = manifestOf(entries, entryUrl, permalinkUrl, await settingsMedia());
	return new Response(JSON.stringify(manifest), { headers: { "content-type": "application/json" } });
};
