// Support staff in the real Strapi admin, closing issue 17's loop: an editor lands on the FAQ entries
// after logging in (an admin on the home); the "Reader insights" page shows what readers searched
// without finding and the answers they voted down; "Create an answer" opens a create form with the
// query as its question; "Add as keyword to…" puts the query in an answer's draft keywords; and an
// editor whose interface language is French reads it all in French.
import { ADMIN } from "@aide/testing";
import { expect, type Page, test } from "@playwright/test";
import { logIn, logInAsNewEditor } from "../support/admin.ts";
import { env } from "../support/env.ts";
import { entryDocumentId, recordInsights, today, unansweredQuery } from "../support/insights.ts";

const ENTRIES_URL = /\/admin\/content-manager\/collection-types\/api::faq-entry\.faq-entry(\?|$)/;

/** Opens the insights page from the main navigation, in English, for English. */
async function openEnglishInsights(page: Page): Promise<void> {
	await page.getByRole("link", { name: "Reader insights", exact: true }).click();
	await expect(page.getByRole("heading", { name: "Reader insights", level: 1 })).toBeVisible();
	await page.getByRole("combobox", { name: "Language" }).click();
	await page.getByRole("option", { name: "English (en)" }).click();
}

/** The section of the insights page under the heading `name`. */
const section = (page: Page, name: string) => page.locator("section").filter({ has: page.getByRole("heading", { name, exact: true }) });

test("a support editor lands on the FAQ entries after logging in; an admin on the home", async ({ page }) => {
	const cms = env("E2E_CMS_URL");
	await logInAsNewEditor(page, cms, "Alex");
	await expect(page).toHaveURL(ENTRIES_URL);
	// The French entries, latest update first (other journeys add and change some: no particular one is on the first page).
	// The content manager's first load is slow on a busy machine.
	await expect(page.getByRole("heading", { name: "FAQ entry", level: 1 })).toBeVisible({ timeout: 30_000 });
	await expect(page.getByText(/^\d+ entries found$/)).toBeVisible();
	await expect(page.getByRole("combobox", { name: "Select a locale" })).toContainText("French (fr)");

	// "Home" afterwards shows the home: the landing happens once, after logging in.
	await page.getByRole("link", { name: "Home" }).click();
	await expect(page).toHaveURL(/\/admin\/?$/);
	await expect(page.getByText("Top searches with no result")).toBeVisible();

	await page.context().clearCookies();
	await page.evaluate(() => localStorage.clear());
	await logIn(page, cms, ADMIN);
	await expect(page.getByRole("link", { name: "Reader insights", exact: true })).toBeVisible();
	await expect(page).toHaveURL(/\/admin\/?$/);
});

test("the insights page shows failed searches and unhelpful answers, and creates an answer from a query", async ({ page }) => {
	test.setTimeout(90_000);
	const cms = env("E2E_CMS_URL");
	const query = unansweredQuery("where is my parcel");
	const password = "How do I change my password?";
	await recordInsights(cms, {
		searches: [{ day: today(), locale: "en", query, searches: 3, noResult: 3, opened: 0 }],
		feedback: [
			{
				day: today(),
				locale: "en",
				documentId: await entryDocumentId(cms, "en", password),
				helpful: 1,
				notHelpful: 4,
				reasons: { unclear: 2, outdated: 1 },
				comments: ["The menu in the screenshot is gone."],
			},
		],
	});

	await logInAsNewEditor(page, cms, "Dominique");
	await openEnglishInsights(page);

	const failed = section(page, "Searches with no result");
	const row = failed.getByRole("row").filter({ hasText: query });
	await expect(row.getByRole("gridcell", { name: "3", exact: true })).toBeVisible();

	const unhelpful = section(page, "Answers that did not help").getByRole("row").filter({ hasText: password });
	await expect(unhelpful).toContainText("1 yes · 4 no");
	await expect(unhelpful).toContainText("80 %");
	await expect(unhelpful).toContainText("unclear (2), out of date (1)");
	await expect(unhelpful).toContainText("The menu in the screenshot is gone.");

	// The demo's untranslated entry ("export my data as CSV") has no English version yet.
	const worklist = section(page, "Translation worklist");
	await expect(worklist.getByRole("row").filter({ hasText: "Comment exporter mes données au format CSV ?" })).toContainText("missing");

	await row.getByRole("link", { name: "Create an answer" }).click();
	await expect(page).toHaveURL(/\/create\?/);
	// The content manager's first load is slow on a busy machine: wait for the form before reading it.
	const question = page.locator('[name="question"]');
	await expect(question).toBeVisible({ timeout: 30_000 });
	await expect(question).toHaveValue(query);
});

test("“Add as keyword to…” puts a failed query in an answer's draft keywords", async ({ page }) => {
	test.setTimeout(90_000);
	const cms = env("E2E_CMS_URL");
	const query = unansweredQuery("delete profile");
	await recordInsights(cms, { searches: [{ day: today(), locale: "en", query, searches: 2, noResult: 2, opened: 0 }], feedback: [] });

	await logInAsNewEditor(page, cms, "Charlie");
	await openEnglishInsights(page);
	await section(page, "Searches with no result")
		.getByRole("row")
		.filter({ hasText: query })
		.getByRole("button", { name: "Add as keyword to…" })
		.click();

	const dialog = page.getByRole("dialog");
	await dialog.getByLabel("Find the answer by its question").fill("close my account");
	await dialog.getByRole("button", { name: "Add to “How do I close my account?”" }).click();
	await expect(dialog.getByRole("status")).toContainText(`“${query}” was added to the draft of “How do I close my account?”`);

	await dialog.getByRole("link", { name: "Open the answer" }).click();
	await expect(page.getByRole("heading", { name: "How do I close my account?" })).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('[name="keywords"]')).toHaveValue(new RegExp(query));
});

test("an editor whose interface language is French reads the insights in French", async ({ page }) => {
	test.setTimeout(90_000);
	const cms = env("E2E_CMS_URL");
	const query = unansweredQuery("suivre mon colis");
	await recordInsights(cms, { searches: [{ day: today(), locale: "fr", query, searches: 2, noResult: 2, opened: 0 }], feedback: [] });

	// An editor of their own (as every journey here): the interface language is kept with the user.
	await logInAsNewEditor(page, cms, "Camille");
	await expect(page.getByRole("link", { name: "Reader insights", exact: true })).toBeVisible();
	await page.goto(`${cms}/admin/me`);
	await page.getByRole("combobox", { name: "Interface language" }).click();
	await page.getByRole("option", { name: "Français" }).click();
	await page.getByRole("button", { name: "Save" }).click();

	await page.getByRole("link", { name: "Retours des lecteurs", exact: true }).click();
	await expect(page.getByRole("heading", { name: "Retours des lecteurs", level: 1 })).toBeVisible();
	await expect(page.getByRole("heading", { name: "Recherches sans résultat" })).toBeVisible();
	await expect(page.getByRole("heading", { name: "Réponses qui n'ont pas aidé" })).toBeVisible();
	await expect(page.getByRole("heading", { name: "Traductions à faire" })).toBeVisible();
	const row = section(page, "Recherches sans résultat").getByRole("row").filter({ hasText: query });
	await expect(row.getByRole("link", { name: "Créer une réponse" })).toBeVisible();
	await expect(row.getByRole("button", { name: "Ajouter comme mot-clé à…" })).toBeVisible();
});
