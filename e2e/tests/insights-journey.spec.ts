// Issue 17's loop, end to end on the portal as `npm start` runs it, nothing recorded behind its back: a
// reader searches the site for something no answer covers and votes "Non" (out of date) under an answer;
// the portal sends both to the CMS; a support editor logs into the real admin, lands on the FAQ entries,
// finds that query and that vote on the "Reader insights" page, creates an answer from the query (the
// question prefilled), sees the demo's untranslated entry in the translation worklist, edits and
// publishes a French answer, and then finds its English translation listed as outdated, as readers see it.
import { INSIGHT_ROUTES } from "@aide/cms-contract";
import { expect, type Page, test } from "@playwright/test";
import { logInAsNewEditor } from "../support/admin.ts";
import { env } from "../support/env.ts";
import { unsearchableQuery } from "../support/insights.ts";

const ANSWER = "/fr/faq/comment-fermer-mon-compte/";
const SOURCE = "Comment fermer mon compte ?";
const TRANSLATION = "How do I close my account?";
const UNTRANSLATED = "Comment exporter mes données au format CSV ?";
const ENTRIES_URL = /\/admin\/content-manager\/collection-types\/api::faq-entry\.faq-entry(\?|$)/;

/** The section of the insights page under the heading `name`. */
const section = (page: Page, name: string) => page.locator("section").filter({ has: page.getByRole("heading", { name, exact: true }) });

/** Opens the insights page from the main navigation; `language` picks the report's language ("English (en)"). */
async function openInsights(page: Page, language?: string): Promise<void> {
	await page.getByRole("link", { name: "Reader insights", exact: true }).click();
	await expect(page.getByRole("heading", { name: "Reader insights", level: 1 })).toBeVisible();
	if (language) {
		await page.getByRole("combobox", { name: "Language" }).click();
		await page.getByRole("option", { name: language }).click();
	}
}

test("what a reader searched and voted reaches the editors' insights, and the worklist follows the French edits", async ({
	browser,
	page,
	request,
}) => {
	test.setTimeout(240_000);
	const site = env("E2E_BASE_URL");
	const cms = env("E2E_CMS_URL");
	const query = unsearchableQuery();

	// A reader, in a browser of their own: a search that finds nothing, left to settle, then a "Non" under an answer.
	const reader = await browser.newPage();
	await reader.goto(`${site}${ANSWER}`);
	// The search box reports a search once it settles (1.5 s without a keystroke).
	const reported = reader.waitForRequest((sent) => new URL(sent.url()).pathname === INSIGHT_ROUTES.events);
	await reader.keyboard.press("ControlOrMeta+k");
	await reader.getByRole("searchbox").pressSequentially(query, { delay: 30 });
	await expect(reader.locator(".search-status")).toContainText(`Aucun résultat pour « ${query} »`);
	expect((await reported).postDataJSON()).toMatchObject({ type: "search", locale: "fr", query, results: 0 });
	await reader.keyboard.press("Escape");
	const widget = reader.getByRole("region", { name: "Cette réponse vous a-t-elle aidé ?" });
	await widget.getByRole("button", { name: "Non" }).click();
	await widget.getByRole("checkbox", { name: "Plus à jour" }).check();
	await widget.getByRole("button", { name: "Envoyer" }).click();
	await expect(widget.getByRole("status")).toContainText("Merci pour votre retour !");
	await reader.close();

	// The support editor lands on the FAQ entries, then opens the insights (French, the default language).
	await logInAsNewEditor(page, cms, "Morgan");
	await expect(page).toHaveURL(ENTRIES_URL);
	await openInsights(page);
	const failed = section(page, "Searches with no result").getByRole("row").filter({ hasText: query });
	const unhelpful = section(page, "Answers that did not help").getByRole("row").filter({ hasText: SOURCE });
	// The portal flushes its counts into the CMS every second here (10 by default): reload until they are in.
	await expect(async () => {
		await page.reload();
		await expect(failed).toBeVisible({ timeout: 2_000 });
		await expect(unhelpful).toContainText("out of date", { timeout: 2_000 });
	}).toPass({ timeout: 60_000 });
	await expect(failed.getByRole("gridcell", { name: "1", exact: true })).toBeVisible();
	await expect(unhelpful).toContainText(/\d+ yes · [1-9]\d* no/);

	// The worklist: the demo's untranslated entry is missing in English; the close-account one is up to date.
	const worklist = section(page, "Translation worklist");
	await expect(worklist.getByRole("row").filter({ hasText: UNTRANSLATED })).toContainText("missing");
	await expect(worklist.getByRole("row").filter({ hasText: TRANSLATION })).toHaveCount(0);

	// "Create an answer": the content manager's create form, the query as its question.
	await failed.getByRole("link", { name: "Create an answer" }).click();
	await expect(page).toHaveURL(/\/create\?/);
	const question = page.locator('[name="question"]');
	await expect(question).toBeVisible({ timeout: 30_000 });
	await expect(question).toHaveValue(query);
	await expect(page.locator('[name="slug"]')).toHaveValue(query);

	// The editor leaves the new answer unsaved (Strapi asks first), changes the French answer and publishes
	// it (the list opens in French, the default language).
	await page.getByRole("link", { name: "Content Manager" }).click();
	await page.getByRole("alertdialog", { name: "Confirmation" }).getByRole("button", { name: "Confirm" }).click();
	await page.getByRole("link", { name: "FAQ entry" }).click();
	await page.getByRole("gridcell", { name: SOURCE }).click();
	await expect(page.getByRole("heading", { name: SOURCE })).toBeVisible({ timeout: 30_000 });
	await page.locator(".CodeMirror").first().click();
	await page.keyboard.press("Control+End");
	await page.keyboard.type(`\n\nMis à jour le ${new Date().toISOString().slice(0, 10)} : la suppression est définitive.`);
	await page.getByRole("button", { name: "Save" }).click();
	await expect(page.getByText("Saved document")).toBeVisible();
	await page.getByRole("button", { name: "Publish" }).click();
	await expect(page.getByText("Published document")).toBeVisible();

	// Its English translation is now older than its source: outdated on the worklist, as on the site.
	await openInsights(page, "English (en)");
	await expect(worklist.getByRole("row").filter({ hasText: TRANSLATION })).toContainText("outdated");
	await expect
		.poll(async () => (await request.get(`${site}/en/faq/how-do-i-close-my-account/`)).text(), { timeout: 90_000, intervals: [500] })
		.toContain("This translation predates the latest update of the French version");
});
