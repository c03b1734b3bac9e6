// Publish to live: how long after an editor publishes the whole site shows it, for one changed answer and
// one new answer. "The whole site" is the answer's page, the list that shows its text (its category
// page; the sitemap for a new answer), and search: the small index of the changes must name the page's
// language (@aide/site-build's index-delta.ts). All of them go live in one swap; the bench checks each,
// then searches for the answer's new word in Chromium, with the site's own search box, and fails if
// search does not find it. Then it waits for the full rebuild that follows.
import { randomInt } from "node:crypto";
import type { SiteService } from "@aide/portal/site-service";
import { createEntryDraft, publishEntry } from "@aide/testing";
import { searchResults } from "./search.ts";

export interface PublishLive {
	/** From the publish to the answer's own page showing it. */
	pageMs: number;
	/** From the publish to all of the site showing it (see above). */
	wholeSiteMs: number;
	/** From the publish to the end of the full rebuild that follows. */
	fullRebuildMs: number;
}

export interface PublishTarget {
	cmsUrl: string;
	admin: string;
	site: SiteService;
}

/**
 * A word no answer has, nor begins with any word an answer has: Pagefind searches an unknown word as
 * the longest indexed word it begins with (even one letter); "changed" and digits found every answer
 * with "change".
 */
const newWord = () => `zqx${Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join("")}`;

/** The text at `path` on the site, "" when it is not there (yet). */
async function text(site: SiteService, path: string): Promise<string> {
	const response = await fetch(`${site.publicUrl}${path}`);
	return response.ok ? response.text() : "";
}

/** Polls every 100 ms until `page` holds, then `rest` too; returns when each first did, from `started`. */
async function whenLive(started: number, page: () => Promise<boolean>, rest: () => Promise<boolean>): Promise<[number, number]> {
	let pageMs: number | undefined;
	for (;;) {
		if (pageMs === undefined && (await page())) pageMs = performance.now() - started;
		if (pageMs !== undefined && (await rest())) return [pageMs, performance.now() - started];
		if (performance.now() - started > 600_000) throw new Error("the change was not on the whole site after 10 minutes");
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

const searchable = async (site: SiteService) =>
	((JSON.parse((await text(site, "/pagefind-delta/delta.json")) || "{}") as { languages?: string[] }).languages ?? []).includes("en");

async function afterLive(site: SiteService, word: string, path: string, started: number): Promise<number> {
	const found = await searchResults(site.publicUrl, "/en/", word);
	if (!found.includes(path)) throw new Error(`search for "${word}" found ${JSON.stringify(found)}, not ${path}, once the site showed it`);
	await site.rebuilder.idle();
	const report = site.reports.at(-1);
	if (!report?.ok) throw new Error(`the full rebuild after the publish failed: ${report?.error ?? "no report"}`);
	return performance.now() - started;
}

/** Publishes a change to `entry`'s English answer: a new word at its start. */
export async function publishChanged(
	{ cmsUrl, admin, site }: PublishTarget,
	entry: { documentId: string; question: string; slug: string; answer: string; categorySlug: string },
): Promise<PublishLive> {
	const word = newWord();
	await createEntryDraft(
		cmsUrl,
		admin,
		{ question: entry.question, slug: entry.slug, answer: `${word}\n\n${entry.answer}` },
		"en",
		entry.documentId,
	);
	const path = `/en/faq/${entry.slug}/`;
	const started = performance.now();
	await publishEntry(cmsUrl, admin, entry.documentId, "en");
	const [pageMs, wholeSiteMs] = await whenLive(
		started,
		async () => (await text(site, path)).includes(word),
		async () => (await text(site, `/en/category/${entry.categorySlug}/`)).includes(word) && (await searchable(site)),
	);
	return { pageMs, wholeSiteMs, fullRebuildMs: await afterLive(site, word, path, started) };
}

/** Publishes a new English answer. */
export async function publishNew({ cmsUrl, admin, site }: PublishTarget): Promise<PublishLive> {
	const word = newWord();
	const slug = `a-new-answer-${word}`;
	const draft = await createEntryDraft(cmsUrl, admin, { question: `A new answer (${word})?`, slug, answer: `Its text, ${word}.` }, "en");
	if (draft.status !== 201) throw new Error(`the CMS did not create the new answer: ${draft.status} ${JSON.stringify(draft.body)}`);
	const path = `/en/faq/${slug}/`;
	const started = performance.now();
	await publishEntry(cmsUrl, admin, draft.documentId, "en");
	const [pageMs, wholeSiteMs] = await whenLive(
		started,
		async () => (await text(site, path)).includes(word),
		async () => (await text(site, "/sitemap.xml")).includes(`${path}</loc>`) && (await searchable(site)),
	);
	return { pageMs, wholeSiteMs, fullRebuildMs: await afterLive(site, word, path, started) };
}
