// Links support staff paste into tickets: an answer's permalink /q/<anchor>/ opens it in the
// reader's language (the one they chose before, else their browser's, else the default locale) and,
// without JavaScript, lists the question in each language; on an answer, "Copy link" copies that
// permalink and "Copy answer" the question, the answer's text and the link, and both say so.
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";

const base = () => {
	const url = process.env.E2E_BASE_URL;
	if (!url) throw new Error("E2E_BASE_URL is not set: run through playwright.config.ts, whose global setup serves the site.");
	return url;
};
const PERMALINK = "/q/change-password/";
const FRENCH = "/fr/faq/comment-changer-mon-mot-de-passe/";
const ENGLISH = "/en/faq/how-do-i-change-my-password/";

async function withPage(browser: Browser, options: Parameters<Browser["newContext"]>[0], use: (page: Page) => Promise<void>) {
	const context = await browser.newContext(options);
	try {
		await use(await context.newPage());
	} finally {
		await context.close();
	}
}

test.describe("an answer's permalink", () => {
	test("opens the answer in the browser's language, else in the default locale's", async ({ browser }) => {
		for (const [locale, expected] of [
			["en-GB", ENGLISH],
			["fr-CA", FRENCH],
			["de-DE", FRENCH],
		] as const) {
			await withPage(browser, { locale }, async (page) => {
				await page.goto(`${base()}${PERMALINK}`);
				await expect(page, locale).toHaveURL(`${base()}${expected}`);
			});
		}
	});

	test("opens the answer in the language the reader chose before, whatever the browser's", async ({ browser }) => {
		await withPage(browser, { locale: "en-US" }, async (page) => {
			await page.goto(`${base()}${ENGLISH}`);
			await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
			await expect(page).toHaveURL(`${base()}${FRENCH}`);
			await page.goto(`${base()}${PERMALINK}`);
			await expect(page).toHaveURL(`${base()}${FRENCH}`);
		});
	});

	test("without JavaScript, lists the question in each language, linked", async ({ browser }) => {
		await withPage(browser, { locale: "en-GB", javaScriptEnabled: false }, async (page) => {
			await page.goto(`${base()}${PERMALINK}`);
			await expect(page.getByRole("link", { name: "Comment changer mon mot de passe ?" })).toHaveAttribute("href", FRENCH);
			await page.getByRole("link", { name: "How do I change my password?" }).click();
			await expect(page).toHaveURL(`${base()}${ENGLISH}`);
		});
	});

	test("has no WCAG 2.1 A/AA violation", async ({ page }) => {
		// Scanned as readers without JavaScript get it (axe itself needs JavaScript): without the redirect.
		await page.route("**/lang-redirect.js", (route) => route.abort());
		await page.goto(`${base()}${PERMALINK}`);
		await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comment changer mon mot de passe ?");
		const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
		expect(
			scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
		).toEqual([]);
	});
});

test.describe("copying from an answer", () => {
	const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

	test("Copy link copies the permalink, Copy answer the question, the text and the link; each is announced", async ({ browser }) => {
		await withPage(browser, { locale: "fr-FR", permissions: ["clipboard-read", "clipboard-write"] }, async (page) => {
			await page.goto(`${base()}${FRENCH}`);
			const share = page.getByRole("group", { name: "Partager cette réponse" });
			const status = share.getByRole("status");

			await share.getByRole("button", { name: "Copier le lien" }).click();
			await expect(status).toHaveText("Lien copié");
			expect(await clipboard(page)).toBe(`${base()}${PERMALINK}`);

			await share.getByRole("button", { name: "Copier la réponse" }).click();
			await expect(status).toHaveText("Réponse copiée");
			const text = await clipboard(page);
			expect(text).toMatch(
				/^Comment changer mon mot de passe \?\n\nOuvrez Paramètres > Compte, puis choisissez Changer le mot de passe\.\n/,
			);
			expect(text).toContain("\n1. Saisissez votre mot de passe actuel.\n2. ");
			expect(text.endsWith(`\n\n${base()}${PERMALINK}`)).toBe(true);
		});
	});

	test("shows no copy control without JavaScript", async ({ browser }) => {
		await withPage(browser, { locale: "fr-FR", javaScriptEnabled: false }, async (page) => {
			await page.goto(`${base()}${FRENCH}`);
			await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comment changer mon mot de passe ?");
			await expect(page.getByRole("button", { name: "Copier le lien" })).toHaveCount(0);
		});
	});
});
