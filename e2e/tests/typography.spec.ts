// French typography in search (issue 16): an answer written as French editors type it, with the
// typographic apostrophe (U+2019) and non-breaking spaces before `?`, `!` and `:`, is found in a
// real Chromium whichever way a reader types the word: `essai`, `application`, `d'essai`, `d’essai`.
// The index is given the text made plain (@aide/site-build's index-typography.ts), the query is
// made plain by the site's search script; the page itself keeps the editor's typography.
import { ADMIN, createEntryDraft, publishEntry } from "@aide/testing";
import { expect, type Page, test } from "@playwright/test";
import { env } from "../support/env.ts";

const entry = {
	question: "Combien de temps dure la période d\u2019essai\u00A0?",
	slug: "combien-de-temps-dure-la-periode-d-essai",
	answer: "Trente jours\u202F: pendant la période d\u2019essai, l\u2019application est gratuite. « Sans engagement\u00A0! »",
};
const pagePath = `/fr/faq/${entry.slug}/`;

const pageStatus = async () => (await fetch(`${env("E2E_BASE_URL")}${pagePath}`)).status;

test.beforeAll(async () => {
	// Published as an editor would, in French only; the site service rebuilds, and the new page and
	// its place in the index go live together. Once only: after a failed test, Playwright runs this
	// again in a new worker, against the same portal.
	if ((await pageStatus()) === 200) return;
	const cmsUrl = env("E2E_CMS_URL");
	const login = await fetch(`${cmsUrl}/admin/login`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify(ADMIN),
	});
	const { data } = (await login.json()) as { data: { token: string } };
	const draft = await createEntryDraft(cmsUrl, data.token, entry, "fr");
	expect(draft.documentId, JSON.stringify(draft.body)).toBeTruthy();
	expect((await publishEntry(cmsUrl, data.token, draft.documentId, "fr")).status).toBe(200);
	await expect.poll(pageStatus, { timeout: 120_000, intervals: [500] }).toBe(200);
});

/**
 * The links of all the search results for `term`, typed into the search box of /fr/. The box shows
 * the first few and the rest as the reader scrolls: until the full rebuild that follows the publish,
 * the new answer, from the small index, ranks below the main index's results that share its words.
 */
async function resultsFor(page: Page, term: string): Promise<string[]> {
	await page.goto(`${env("E2E_BASE_URL")}/fr/`);
	await page.keyboard.press("ControlOrMeta+k");
	const input = page.getByRole("searchbox");
	await expect(input).toBeFocused();
	await input.fill(term);
	const list = page.locator(".search-results");
	// Set once the search is done (search.js): "<term>|<category>".
	await expect(list).toHaveAttribute("data-for", /\|/);
	const count = Number((await page.locator(".search-status").textContent())?.match(/^\d+/)?.[0] ?? 0);
	const results = page.locator(".search-results > li");
	if (count > 0)
		await expect(async () => {
			await results.last().scrollIntoViewIfNeeded();
			expect(await results.count()).toBe(count);
		}).toPass({ timeout: 10_000 });
	return list.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
}

for (const term of ["essai", "application", "d'essai", "d\u2019essai", "l\u2019application"]) {
	test(`"${term}" finds the answer written with typographic apostrophes`, async ({ page }) => {
		const hrefs = await resultsFor(page, term);
		expect(
			hrefs.some((href) => href.startsWith(pagePath)),
			hrefs.join(" "),
		).toBe(true);
	});
}

test("the page keeps the editor's typography", async ({ page }) => {
	await page.goto(`${env("E2E_BASE_URL")}${pagePath}`);
	await expect(page.getByRole("heading", { level: 1 })).toHaveText(entry.question);
	await expect(page.getByText("pendant la période d\u2019essai, l\u2019application est gratuite")).toBeVisible();
});
