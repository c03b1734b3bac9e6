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
	/** From the publish to each part of the site showing it. */
	byCheck: Record<string, number>;
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

/**
 * Polls each of `checks` every 100 ms, side by side, until each holds; returns, from `started`, when
 * the answer's page did, when the last one did, and when each did by its name.
 */
async function whenLive(
	started: number,
	checks: Record<string, () => Promise<boolean>>,
): Promise<{ pageMs: number; wholeSiteMs: number; byCheck: Record<string, number> }> {
	const byCheck: Record<string, number> = {};
	await Promise.all(
		Object.entries(checks).map(async ([name, check]) => {
			while (!(await check())) {
				if (performance.now() - started > 600_000) throw new Error(`${name}: not live after 10 minutes`);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			byCheck[name] = performance.now() - started;
		}),
	);
	return { pageMs: byCheck.page ?? 0, wholeSiteMs: Math.max(...Object.values(byCheck)), byCheck };
}

/**
 * Whether the file at `path` holds `text`, asking with the ETag of the last answer: the sitemap of
 * 10,000 answers is megabytes, which polling would otherwise fetch ten times a second.
 */
function holds(site: SiteService, path: string, text: string): () => Promise<boolean> {
	let etag: string | null = null;
	return async () => {
		const response = await fetch(`${site.publicUrl}${path}`, { headers: etag ? { "if-none-match": etag } : {} });
		if (response.status === 304) return false;
		etag = response.headers.get("etag");
		return response.ok && (await response.text()).includes(text);
	};
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
	const live = await whenLive(started, {
		page: async () => (await text(site, path)).includes(word),
		category: holds(site, `/en/category/${entry.categorySlug}/`, word),
		search: () => searchable(site),
	});
	return { ...live, fullRebuildMs: await afterLive(site, word, path, started) };
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
	const live = await whenLive(started, {
		page: async () => (await text(site, path)).includes(word),
		sitemap: holds(site, "/sitemap.xml", `${path}</loc>`),
		search: () => searchable(site),
	});
	return { ...live, fullRebuildMs: await afterLive(site, word, path, started) };
}
