// Searching the built site in a real Chromium, under the strict Content-Security-Policy the site's
// server sends.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

const base = () => process.env.E2E_BASE_URL ?? "";

/** Collects Content-Security-Policy violations from the first byte of every page. */
test.beforeEach(async ({ context }) => {
	await context.addInitScript(() => {
		const violations: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = violations;
		document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
	});
});

async function search(page: Page, term: string) {
	await page.keyboard.press("ControlOrMeta+k");
	const input = page.getByRole("searchbox");
	await expect(input).toBeFocused();
	await input.fill(term);
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test("a French word on /fr/ finds the French answer, opens its anchor, and no English page", async ({ page }) => {
	const response = await page.goto(`${base()}/fr/`);
	expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
	await search(page, "infrastructure");
	const results = page.locator(".search-results a");
	await expect(results.first()).toBeVisible();
	const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
	expect(hrefs.some((href) => href.endsWith("#ou-sont-situes-vos-serveurs"))).toBe(true);
	expect(hrefs.every((href) => href.startsWith("/fr/"))).toBe(true);
	await page.locator('.search-results a[href$="#ou-sont-situes-vos-serveurs"]').first().click();
	await expect(page).toHaveURL(/\/fr\/faq\/ou-sont-situes-vos-serveurs\/#ou-sont-situes-vos-serveurs$/);
	await expect(page.locator("#ou-sont-situes-vos-serveurs")).toBeInViewport();
	expect(await violations(page)).toEqual([]);
});

test("an English word on /en/ finds the English answer", async ({ page }) => {
	await page.goto(`${base()}/en/`);
	await search(page, "invoices");
	await expect(page.locator(".search-results a").first()).toBeVisible();
	const hrefs = await page.locator(".search-results a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
	expect(
		hrefs.some((href) => href.endsWith("#payment-methods")),
		hrefs.join(" "),
	).toBe(true);
	expect(
		hrefs.every((href) => href.startsWith("/en/")),
		hrefs.join(" "),
	).toBe(true);
	expect(await violations(page)).toEqual([]);
});

test("a word only in the untranslated answer is found in French, and offered, labelled, from English", async ({ page }) => {
	await page.goto(`${base()}/fr/`);
	await search(page, "terminal");
	await expect(page.locator('.search-results a[href$="#export-csv"]').first()).toBeVisible();

	await page.goto(`${base()}/en/`);
	await search(page, "terminal");
	const fallback = page.locator(".search-fallback");
	await expect(fallback).toBeVisible();
	await expect(fallback.getByRole("heading")).toHaveText("Results in French");
	await expect(fallback.locator('a[href$="#export-csv"]')).toHaveAttribute("hreflang", "fr");
	expect(await violations(page)).toEqual([]);
});

test("a synonym from the keywords finds its answer, though the page does not show it", async ({ page }) => {
	await page.goto(`${base()}/en/`);
	await search(page, "passphrase");
	await expect(page.locator('.search-results a[href$="#change-password"]').first()).toBeVisible();
	await page.goto(`${base()}/en/faq/how-do-i-change-my-password/`);
	await expect(page.getByText("passphrase")).toBeHidden();
});

test("the category filter narrows the results", async ({ page }) => {
	await page.goto(`${base()}/fr/`);
	await search(page, "données");
	const results = page.locator(".search-results a");
	await expect(results.first()).toBeVisible();
	const all = await results.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
	expect(all).toContain("/fr/faq/est-ce-que-mes-donnees-sont-a-l-abri/#est-ce-que-mes-donnees-sont-a-l-abri");
	expect(all).toContain("/fr/faq/comment-fermer-mon-compte/#close-account");

	await page.getByLabel("Catégorie").selectOption("Compte et facturation");
	await expect(page.locator(".search-results")).toHaveAttribute("data-for", "données|Compte et facturation");
	const filtered = await results.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
	expect(filtered.length).toBeGreaterThan(0);
	expect(
		filtered.every((href) => /#(close-account|export-csv|change-password|payment-methods)$/.test(href)),
		filtered.join(" "),
	).toBe(true);
	expect(await violations(page)).toEqual([]);
});

for (const [locale, term] of [
	["fr", "données"],
	["en", "terminal"],
] as const) {
	test(`the open search on /${locale}/ passes an accessibility scan (WCAG 2.1 A/AA)`, async ({ page }) => {
		await page.goto(`${base()}/${locale}/`);
		await search(page, term);
		await expect(page.locator(".search-panel")).toBeVisible();
		await expect(page.locator(".search-status")).not.toBeEmpty();
		const scan = await new AxeBuilder({ page }).include("search.search").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
		expect(
			scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
		).toEqual([]);
	});
}
