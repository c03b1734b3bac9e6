// The site service of `npm start` against a real CMS whose webhook points at it: rebuilds on publish,
// refuses calls without the secret, absorbs webhook storms, previews drafts from links the CMS makes,
// and keeps the last good site when a build fails (bad content, or the CMS stopping mid-build). Search
// runs in Chromium, with the site's own search box.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { quoteTitle } from "@aide/cms-client";
import { SETTINGS_UID } from "@aide/cms-contract";
import { liveBuild, MANIFEST_FILE, removeSite } from "@aide/site-build";
import { WEBHOOK_SECRET_HEADER } from "@aide/site-link";
import { chromiumLaunchOptions, createEntryDraft, freePort, publishEntry, type RunningCms, request, startCms } from "@aide/testing";
import { type Browser, chromium, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SiteService } from "../src/server/site-service.ts";
import { buildEnvOf, sleep, startBuiltSiteService, until as untilLogged } from "./support/site-service.ts";

const work = mkdtempSync(join(tmpdir(), "aide-service-"));
const logs: string[] = [];
let cms: RunningCms;
let service: SiteService;
let secrets: { webhook: string; preview: string };
let browser: Browser;

const until = (check: () => Promise<boolean>, what: string, timeoutMs?: number) => untilLogged(check, what, logs, timeoutMs);
const page = async (path: string) => (await fetch(`${service.publicUrl}${path}`)).text();
const webhook = (headers: Record<string, string>, body: unknown = { event: "entry.publish", uid: "api::faq-entry.faq-entry" }) =>
	fetch(`${service.serviceUrl}/rebuild`, {
		method: "POST",
		headers: { "content-type": "application/json", ...headers },
		body: JSON.stringify(body),
	});

/** The "change password" entry's permalink page. */
const PERMALINK = "/q/change-password/";

/** The English "change password" entry, as the site build reads it. */
async function englishEntry(): Promise<{ documentId: string; question: string; slug: string; answer: string }> {
	const { body } = await request(`${cms.url}/api/faq-entries?locale=en&filters[anchor][$eq]=change-password`, { token: cms.siteToken() });
	return body.data[0];
}

/** The English category of entry `documentId`. */
async function entryCategory(documentId: string): Promise<{ slug: string }> {
	const { body } = await request(`${cms.url}/api/faq-entries/${documentId}?locale=en&populate=category`, { token: cms.siteToken() });
	return body.data.category;
}

/** The answers (their pages' paths) that the search box of the English home lists for `term`, in Chromium. */
async function searchHrefs(term: string): Promise<string[]> {
	const tab = await browser.newPage();
	try {
		await tab.goto(`${service.publicUrl}/en/`);
		return await boxResults(tab, term);
	} finally {
		await tab.close();
	}
}

/** The answers (their pages' paths) that the search box of the page open in `tab` lists for `term`. */
async function boxResults(tab: Page, term: string): Promise<string[]> {
	await tab.getByRole("searchbox").fill(term);
	await tab.locator(`.search-results[data-for="${term}|"]`).waitFor({ state: "attached" });
	const hrefs = await tab.locator(".search-results a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
	return hrefs.map((href) => new URL(href, service.publicUrl).pathname);
}

beforeAll(async () => {
	browser = await chromium.launch(chromiumLaunchOptions);
	const servicePort = await freePort();
	// keepData: the last test stops the CMS, and the build still reads the token from its data folder.
	cms = await startCms({ demo: true, keepData: true, env: { AIDE_SITE_SERVICE_URL: `http://127.0.0.1:${servicePort}` } });
	secrets = cms.sharedSecrets();
	service = await startBuiltSiteService({
		dist: join(work, "dist"),
		servicePort,
		webhookSecret: secrets.webhook,
		previewSecret: secrets.preview,
		cmsOrigin: cms.url,
		// The builds have an insights endpoint; this process's environment has none (the fast path renders
		// with the build's own: see "publishing and previewing").
		buildEnv: buildEnvOf({ CMS_URL: cms.url, AIDE_DATA_DIR: cms.dataDir, AIDE_INSIGHTS_URL: "/aide/events" }),
		logs,
	});
});

afterAll(async () => {
	await browser?.close();
	await service?.close();
	await cms?.stop();
	removeSite(join(work, "dist"));
	for (const dir of [work, cms?.dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the public site", () => {
	it("serves both languages with the security headers, and nothing of the service", async () => {
		for (const path of ["/fr/", "/en/"]) {
			const response = await fetch(`${service.publicUrl}${path}`);
			expect(response.status).toBe(200);
			expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
		}
		expect((await fetch(`${service.publicUrl}/rebuild`, { method: "POST" })).status).toBe(405);
		const preview = await fetch(`${service.publicUrl}/preview/en/x/?status=draft&expires=1&signature=x`);
		expect(preview.status).toBe(404);
		expect(await preview.text()).not.toContain("preview");
	});
});

describe("the rebuild webhook", () => {
	it("refuses calls without the secret or with a wrong one, builds nothing, and logs the first refusal only", async () => {
		const before = service.rebuilder.builds;
		for (const headers of [{}, { [WEBHOOK_SECRET_HEADER]: "wrong" }, { [WEBHOOK_SECRET_HEADER]: `${secrets.webhook.slice(0, -1)}x` }]) {
			const response = await webhook(headers);
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({ error: `Missing or wrong ${WEBHOOK_SECRET_HEADER} header.` });
		}
		await sleep(500);
		expect(service.rebuilder.builds).toBe(before);
		// The others are counted, for one summary line a minute (see log-throttle.test.ts).
		expect(logs.filter((line) => line.startsWith("refused a rebuild call"))).toHaveLength(1);
	});

	it("turns 100 calls in one second into one or two rebuilds", async () => {
		await service.rebuilder.idle();
		const before = service.rebuilder.builds;
		const started = Date.now();
		const statuses = [];
		for (let i = 0; i < 100; i++) {
			statuses.push((await webhook({ [WEBHOOK_SECRET_HEADER]: secrets.webhook })).status);
			await sleep(Math.max(0, started + (i + 1) * 10 - Date.now()));
		}
		expect(Date.now() - started).toBeLessThan(1_500);
		expect(new Set(statuses)).toEqual(new Set([202]));
		await service.rebuilder.idle();
		expect(service.rebuilder.builds - before).toBeGreaterThanOrEqual(1);
		expect(service.rebuilder.builds - before).toBeLessThanOrEqual(2);
	});
});

describe("publishing and previewing", () => {
	it("shows a saved draft in the preview the CMS links to, not on the site, and on the site once published", async () => {
		const entry = await englishEntry();
		const marker = `Edited at ${Date.now()}`;
		// The question changes too: the answer's permalink page names it, in every language.
		const question = `${entry.question} (${marker})`;
		const admin = await cms.adminToken();
		const built = service.rebuilder.builds;
		const saved = await createEntryDraft(
			cms.url,
			admin,
			{ question, slug: entry.slug, answer: `${marker}\n\n${entry.answer}` },
			"en",
			entry.documentId,
		);
		expect(saved.status).toBe(200);

		// The Preview button: the CMS makes a signed link to the site service.
		const { body } = await request(
			`${cms.url}/content-manager/preview/url/api::faq-entry.faq-entry?documentId=${entry.documentId}&locale=en&status=draft`,
			{ token: admin },
		);
		const link = new URL(body.data.url);
		expect(link.origin).toBe(service.serviceUrl);
		expect(link.href).not.toContain(secrets.preview);
		const preview = await fetch(link);
		expect(preview.status).toBe(200);
		expect(preview.headers.get("content-security-policy")).toContain(`frame-ancestors ${cms.url}`);
		expect(preview.headers.get("x-frame-options")).toBeNull();
		const html = await preview.text();
		expect(html).toContain(marker);
		expect(html).toContain("Draft preview: this version is not published yet.");
		expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
		// Rendered by the live build's server code, in a thread of its own (ended when another build goes live: below).
		expect(service.renderThreads()).toBe(1);

		// A tampered link, or one for another document, is refused.
		const tampered = new URL(link);
		tampered.searchParams.set("status", "published");
		expect((await fetch(tampered)).status).toBe(401);

		// Saving a draft rebuilt nothing: the site still shows the published answer.
		await sleep(1_000);
		await service.rebuilder.idle();
		expect(service.rebuilder.builds).toBe(built);
		expect(await page(`/en/faq/${entry.slug}/`)).not.toContain(marker);

		// Publishing one entry writes its pages (its permalink page too) at once; the full rebuild (held here, to see both) follows.
		const categoryPath = `/en/category/${(await entryCategory(entry.documentId)).slug}/`;
		const foundBefore = await searchHrefs("password");
		expect(foundBefore).toContain(`/en/faq/${entry.slug}/`);
		service.rebuilder.pause();
		const published = await publishEntry(cms.url, admin, entry.documentId, "en");
		expect(published.status).toBe(200);
		await until(async () => (await page(`/en/faq/${entry.slug}/`)).includes(marker), "the published answer is on the site");
		// The log names the entry by its question in each locale, not by its documentId alone.
		expect(logs.at(-1)).toMatch(
			new RegExp(
				`^the pages of entry ${entry.documentId} \\(".+" in (en|fr), ".+" in (en|fr)\\) are live, written in \\d+\\.\\d s \\(9 pages rendered in \\d+\\.\\d s, the site copied in \\d+\\.\\d s beside them, searchable in \\d+\\.\\d s\\); the full rebuild follows\\.$`,
			),
		);
		expect(logs.at(-1)).toContain(`${quoteTitle(question)} in en`);
		// The fast path rendered with the previous build's code; its thread ends now that a newer build is live.
		await until(async () => service.renderThreads() === 0, "the replaced build's render thread has ended");
		const patched = await page(`/en/faq/${entry.slug}/`);
		// Rendered in this process, whose environment names no insights endpoint: the page keeps the build's.
		expect(process.env.AIDE_INSIGHTS_URL).toBeUndefined();
		expect(patched).toContain('data-endpoint="/aide/events"');
		const permalink = await page(PERMALINK);
		expect(permalink).toContain(`>${question}</a>`);
		// The lists that show the answer went live with it: the full FAQ page and its category page hold its text.
		const lists = ["/en/", "/en/faq/", categoryPath, "/fr/", "/fr/faq/"];
		const patchedLists = await Promise.all(lists.map(page));
		expect(patchedLists[1]).toContain(marker);
		expect(patchedLists[2]).toContain(marker);
		// And search finds its new text, once, from the small index of the changed pages (none before the full rebuild).
		expect(await searchHrefs(marker.split(" ").at(-1) as string)).toEqual([`/en/faq/${entry.slug}/`]);
		const word = "password";
		const found = await searchHrefs(word);
		expect(found.filter((href) => href === `/en/faq/${entry.slug}/`)).toHaveLength(1);
		// The same answers in the same order: the new version takes the stale one's place in the main index's ranking.
		expect(found).toEqual(foundBefore);
		// A reader whose page loaded search now, before the full rebuild goes live, searches again after it.
		const reader = await browser.newPage();
		await reader.goto(`${service.publicUrl}/en/`);
		expect(await boxResults(reader, word)).toEqual(foundBefore);
		service.rebuilder.resume();
		await service.rebuilder.idle();
		// Its index's files are gone with the build it came from: the box starts again with the live one's.
		expect(await boxResults(reader, marker.split(" ").at(-1) as string)).toEqual([`/en/faq/${entry.slug}/`]);
		await reader.close();
		// The build writes the very pages the fast path wrote: the answer's, its permalink page and the lists.
		expect(await page(`/en/faq/${entry.slug}/`)).toBe(patched);
		expect(await page(PERMALINK)).toBe(permalink);
		expect(await Promise.all(lists.map(page))).toEqual(patchedLists);
		// Its index has the answer's new text: the small one is empty again.
		expect(JSON.parse(await page("/pagefind-delta/delta.json"))).toEqual({ languages: [], hide: [], replace: {} });
		expect(await searchHrefs(marker.split(" ").at(-1) as string)).toEqual([`/en/faq/${entry.slug}/`]);
		// The next preview starts the new build's thread, the only one.
		const again = await fetch(link);
		expect(again.status).toBe(200);
		expect(await again.text()).toContain(marker);
		expect(service.renderThreads()).toBe(1);
		expect(logs.at(-1)).toMatch(
			/^rebuild #\d+ \(entry\.publish api::faq-entry\.faq-entry.*\) is live, built in \d+\.\d s \(\d+ pages; rendered in \d+\.\d s, indexed in \d+\.\d s, compressed in \d+\.\d s\)\.$/,
		);
	});
});

describe("a new answer", () => {
	it("is live at once, on its page, in the lists, the sitemap and search; the full rebuild then writes the very same pages", async () => {
		await service.rebuilder.idle();
		const admin = await cms.adminToken();
		const token = `${Date.now()}`;
		const slug = `can-i-pay-by-bank-transfer-${token}`;
		const created = await createEntryDraft(
			cms.url,
			admin,
			{ question: `Can I pay by bank transfer? (${token})`, slug, answer: `Yes: ask for our bank details (reference ${token}).` },
			"en",
		);
		expect(created.status).toBe(201);
		service.rebuilder.pause();
		expect((await publishEntry(cms.url, admin, created.documentId, "en")).status).toBe(200);
		await until(async () => (await page(`/en/faq/${slug}/`)).includes(token), "the new answer's page is live");
		expect(logs.at(-1)).toMatch(
			new RegExp(
				`^the pages of entry ${created.documentId} \\(.+\\) are live, written in \\d+\\.\\d s \\(5 pages rendered in [^)]+\\); the full rebuild follows\\.$`,
			),
		);
		// Without an anchor, its language-neutral link is its documentId.
		const touched = [`/en/faq/${slug}/`, `/q/${created.documentId}/`, "/en/", "/en/faq/", "/sitemap.xml"];
		const patched = await Promise.all(touched.map(page));
		expect(patched[1]).toContain(`/en/faq/${slug}/`);
		expect(patched[3]).toContain(token);
		expect(patched[4]).toContain(`/en/faq/${slug}/</loc>`);
		expect(await searchHrefs(token)).toEqual([`/en/faq/${slug}/`]);
		service.rebuilder.resume();
		await service.rebuilder.idle();
		expect(service.reports.at(-1)?.ok).toBe(true);
		expect(await Promise.all(touched.map(page))).toEqual(patched);
		expect(await searchHrefs(token)).toEqual([`/en/faq/${slug}/`]);
	});
});

describe("the site settings", () => {
	it("rebuild the site when published (a draft save rebuilds nothing), with the new name and colour on every page", async () => {
		await service.rebuilder.idle();
		const admin = await cms.adminToken();
		const settings = `${cms.url}/content-manager/single-types/${SETTINGS_UID}`;
		const name = `Example Help ${Date.now()}`;
		const built = service.rebuilder.builds;
		const saved = await request(`${settings}?locale=en`, { token: admin, method: "PUT", body: { name, accentColor: "#7a1fa2" } });
		expect(saved.status).toBe(200);
		await sleep(1_000);
		await service.rebuilder.idle();
		expect(service.rebuilder.builds).toBe(built);

		expect((await request(`${settings}/actions/publish?locale=en`, { token: admin, method: "POST", body: {} })).status).toBe(200);
		await until(async () => (await page("/en/")).includes(name), "the new name is on the site");
		expect(await page(`/en/faq/${(await englishEntry()).slug}/`)).toContain(name);
		expect(await page("/theme.css")).toContain("--aide-brand: #7a1fa2;");
		expect(logs).toContainEqual(expect.stringMatching(/^rebuild #\d+ \(entry\.publish api::site-setting\.site-setting.*\) is live/));
	});
});

describe("the one-entry fast path without a build manifest", () => {
	it("leaves the entry's pages to the full rebuild, saying why, and the rebuild writes a manifest again", async () => {
		await service.rebuilder.idle();
		const live = liveBuild(join(work, "dist"));
		if (!live) throw new Error("no live build");
		const manifest = join(live.buildDir, MANIFEST_FILE);
		rmSync(manifest);
		const entry = await englishEntry();
		const marker = `Without a manifest at ${Date.now()}`;
		const admin = await cms.adminToken();
		const { question, slug, answer } = entry;
		expect(
			(await createEntryDraft(cms.url, admin, { question, slug, answer: `${marker}\n\n${answer}` }, "en", entry.documentId)).status,
		).toBe(200);
		service.rebuilder.pause();
		expect((await publishEntry(cms.url, admin, entry.documentId, "en")).status).toBe(200);
		const waits = (line: string) =>
			line.startsWith(`the pages of entry ${entry.documentId} (`) && line.includes(" wait for the full rebuild: ");
		await until(async () => logs.some(waits), "the fast path gives up");
		expect(logs.find(waits)).toContain(
			`: the build has no manifest (${manifest}): it was made by an older version, or its site wrote none.`,
		);
		expect(await page(`/en/faq/${slug}/`)).not.toContain(marker);
		service.rebuilder.resume();
		await until(async () => (await page(`/en/faq/${slug}/`)).includes(marker), "the full rebuild writes the page");
		const rebuilt = liveBuild(join(work, "dist"));
		expect(rebuilt && existsSync(join(rebuilt.buildDir, MANIFEST_FILE))).toBe(true);
	});
});

describe("failed builds", () => {
	it("keep the last good site when new content cannot be built, and say why", async () => {
		const admin = await cms.adminToken();
		const entry = await englishEntry();
		const before = await page(`/en/faq/${entry.slug}/`);
		// Another English entry takes the anchor of this one: the full FAQ page would have two identical ids.
		const { body } = await request(`${cms.url}/api/faq-entries?locale=en&filters[anchor][$eq]=close-account`, { token: cms.siteToken() });
		const other = body.data[0];
		await request(`${cms.url}/content-manager/collection-types/api::faq-entry.faq-entry/${other.documentId}?locale=en`, {
			token: admin,
			method: "PUT",
			body: { anchor: "change-password" },
		});
		const otherBefore = await page(`/en/faq/${other.slug}/`);
		const reports = service.reports.length;
		expect((await publishEntry(cms.url, admin, other.documentId, "en")).status).toBe(200);
		await until(async () => service.reports.length > reports && service.rebuilder.builds === service.reports.length, "the rebuild ends");
		await service.rebuilder.idle();
		expect(service.reports.at(-1)?.ok).toBe(false);
		expect(logs.at(-1)).toContain("failed after");
		expect(logs.at(-1)).toContain("readers keep the previous site.");
		expect(logs.at(-1)).toContain(`share the anchor "change-password"`);
		expect(await page(`/en/faq/${entry.slug}/`)).toBe(before);
		// Nor did the one-entry fast path put the changed entry's page live: it says which answer has the anchor.
		expect(
			logs.filter(
				(line) =>
					line.startsWith(`the pages of entry ${other.documentId} (`) &&
					line.includes(`${quoteTitle(other.question)} in en`) &&
					line.endsWith(
						`) wait for the full rebuild, which checks the whole content: its anchor "change-password" in en is also the anchor of ${JSON.stringify(entry.question)} (entry ${entry.documentId}) in en.`,
					),
			),
		).toHaveLength(1);
		expect(await page(`/en/faq/${other.slug}/`)).toBe(otherBefore);
		expect((await fetch(`${service.publicUrl}/en/`)).status).toBe(200);
	});

	it("keep the last good site when the CMS stops during a rebuild, and say why", async () => {
		const before = await page("/fr/");
		const reports = service.reports.length;
		await webhook({ [WEBHOOK_SECRET_HEADER]: secrets.webhook });
		await until(async () => service.rebuilder.builds > reports, "the rebuild starts", 5_000);
		await cms.stop();
		await service.rebuilder.idle();
		expect(service.reports.at(-1)?.ok).toBe(false);
		expect(logs.at(-1)).toMatch(/Cannot read the CMS at 127\.0\.0\.1:\d+/);
		expect(await page("/fr/")).toBe(before);
	});
});
