// A reader arrives, gets their language, switches language on an answer, and meets an answer that
// is not translated yet.
import { expect, test } from "@playwright/test";

const base = () => {
	const url = process.env.E2E_BASE_URL;
	if (!url) throw new Error("E2E_BASE_URL is not set: run through playwright.config.ts, whose global setup serves the site.");
	return url;
};

test.describe("arriving at /", () => {
	test("a French browser gets French", async ({ browser }) => {
		const context = await browser.newContext({ locale: "fr-FR" });
		const page = await context.newPage();
		await page.goto(`${base()}/`);
		await expect(page).toHaveURL(`${base()}/fr/`);
		await expect(page.locator("html")).toHaveAttribute("lang", "fr");
		await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comment pouvons-nous vous aider ?");
		await context.close();
	});

	test("an English browser gets English", async ({ browser }) => {
		const context = await browser.newContext({ locale: "en-GB" });
		const page = await context.newPage();
		await page.goto(`${base()}/`);
		await expect(page).toHaveURL(`${base()}/en/`);
		await expect(page.getByRole("heading", { level: 1 })).toHaveText("How can we help?");
		await expect(page.getByRole("link", { name: "Where are your servers located?" }).first()).toBeVisible();
		await context.close();
	});

	test("without JavaScript, plain links lead to each language", async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
		const page = await context.newPage();
		await page.goto(`${base()}/`);
		await page.getByRole("link", { name: "Français" }).click();
		await expect(page).toHaveURL(`${base()}/fr/`);
		await context.close();
	});
});

test.describe("the home", () => {
	test("shows the categories as cards and leads to the full FAQ page, where every answer is under its anchor", async ({ page }) => {
		await page.goto(`${base()}/en/`);
		const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Account and billing" }) });
		await expect(card).toContainText("Managing your Cozy account");
		await expect(card).toContainText("3 questions");
		await page.getByRole("link", { name: "All questions and answers on one page" }).click();
		await expect(page).toHaveURL(`${base()}/en/faq/`);
		await page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "Where are your servers located?" }).click();
		await expect(page).toHaveURL(`${base()}/en/faq/#ou-sont-situes-vos-serveurs`);
		await expect(page.locator("#ou-sont-situes-vos-serveurs")).toBeInViewport();
	});

	test("an old link to an answer on the home (/fr/#<anchor>) lands on the answer in the full FAQ page", async ({ page }) => {
		await page.goto(`${base()}/fr/#ou-sont-situes-vos-serveurs`);
		await expect(page).toHaveURL(`${base()}/fr/faq/#ou-sont-situes-vos-serveurs`);
		await expect(page.locator("#ou-sont-situes-vos-serveurs")).toBeInViewport();
		// An anchor the FAQ page no longer has still leads there, rather than to a home without it.
		await page.goto(`${base()}/en/#no-such-answer`);
		await expect(page).toHaveURL(`${base()}/en/faq/#no-such-answer`);
	});
});

test("on a 390 px phone the header takes two lines at most, and the search box shows its whole placeholder", async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	for (const path of ["/fr/faq/ou-sont-situes-vos-serveurs/", "/en/category/account-and-billing/"]) {
		await page.goto(`${base()}${path}`);
		const box = async (selector: string) => (await page.locator(selector).boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
		const [header, brand, switcher, search] = await Promise.all([".site-header", ".brand", ".switcher", ".search"].map(box));
		// Two lines: the brand and the language switcher side by side, then the search box, and nothing more.
		expect(Math.abs((switcher?.y ?? 0) - (brand?.y ?? 0)), path).toBeLessThan(10);
		expect(search?.y ?? 0, path).toBeGreaterThanOrEqual((brand?.y ?? 0) + (brand?.height ?? 0));
		expect((header?.y ?? 0) + (header?.height ?? 0) - ((search?.y ?? 0) + (search?.height ?? 0)), path).toBeLessThan(16);
		const fits = await page.getByRole("searchbox").evaluate((input: HTMLInputElement) => {
			const style = getComputedStyle(input);
			const context2d = document.createElement("canvas").getContext("2d");
			if (!context2d) return false;
			context2d.font = style.font;
			const room = input.clientWidth - Number.parseFloat(style.paddingInlineStart) - Number.parseFloat(style.paddingInlineEnd);
			return context2d.measureText(input.placeholder).width <= room;
		});
		expect(fits, path).toBe(true);
	}
	await context.close();
});

test("a French reader browses a category, opens an answer, reads it in English, and searches", async ({ browser }) => {
	const context = await browser.newContext({ locale: "fr-FR" });
	const page = await context.newPage();
	await page.goto(`${base()}/`);
	await expect(page).toHaveURL(`${base()}/fr/`);
	await page.getByRole("main").getByRole("link", { name: "Foire Aux Questions" }).first().click();
	await expect(page).toHaveURL(`${base()}/fr/category/foire-aux-questions/`);
	await page.locator('main a[href="/fr/faq/ou-sont-situes-vos-serveurs/"]').first().click();
	await expect(page.getByRole("heading", { level: 1 })).toHaveText("Où sont situés vos serveurs ?");
	await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "English" }).click();
	await expect(page).toHaveURL(`${base()}/en/faq/where-are-your-servers-located/`);
	await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where are your servers located?");
	await page.getByRole("searchbox").fill("invoices");
	const hit = page.locator('.search-results a[href$="#payment-methods"]').first();
	await expect(hit).toBeVisible();
	await hit.click();
	await expect(page).toHaveURL(/\/en\/faq\/[^/]+\/#payment-methods$/);
	await context.close();
});

test("switching language lands on the same answer, and the choice is remembered", async ({ browser }) => {
	const context = await browser.newContext({ locale: "en-US" });
	const page = await context.newPage();
	await page.goto(`${base()}/en/faq/where-are-your-servers-located/`);
	await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
	await expect(page).toHaveURL(`${base()}/fr/faq/ou-sont-situes-vos-serveurs/`);
	await expect(page.getByRole("heading", { level: 1 })).toHaveText("Où sont situés vos serveurs ?");
	await page.goto(`${base()}/`);
	await expect(page).toHaveURL(`${base()}/fr/`);
	await context.close();
});

test("an untranslated answer says so and offers the other language's home", async ({ page }) => {
	await page.goto(`${base()}/fr/faq/comment-exporter-mes-donnees-au-format-csv/`);
	await expect(page.getByRole("note")).toContainText("Cette réponse n'existe pas encore en anglais.");
	await page
		.getByRole("navigation", { name: "Langue" })
		.getByRole("link", { name: /English/ })
		.click();
	await expect(page).toHaveURL(`${base()}/en/`);
	await expect(page.locator("html")).toHaveAttribute("lang", "en");
	await expect(page.getByText("Comment exporter mes données")).toHaveCount(0);
});

test("an unknown address gets the locale's 404 page", async ({ page }) => {
	const response = await page.goto(`${base()}/en/faq/no-such-answer/`);
	expect(response?.status()).toBe(404);
	await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
