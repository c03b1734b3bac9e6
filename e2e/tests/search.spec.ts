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

	// The filter is inside the results panel.
	await expect(page.locator(".search-panel").getByLabel("Catégorie")).toBeVisible();
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

test("a search that starts as a full build goes live (the small index delta.json named is gone) finds the answers", async ({ page }) => {
	// delta.json as a fast path's build wrote it, then as the full build that replaced it did; that build has no small index.
	let reads = 0;
	await page.route("**/pagefind-delta/delta.json", (route) =>
		route.fulfill({ json: { languages: reads++ === 0 ? ["fr"] : [], hide: [], replace: {} } }),
	);
	await page.route("**/pagefind-delta/pagefind-entry.json*", (route) => route.fulfill({ status: 404, body: "Not found" }));
	await page.goto(`${base()}/fr/`);
	await search(page, "terminal");
	await expect(page.locator('.search-results a[href$="#export-csv"]').first()).toBeVisible();
	expect(reads).toBe(2);
	expect(await violations(page)).toEqual([]);
});

test("a search after a newer build went live finds what the live index holds, though the page loaded the old one", async ({ page }) => {
	// A build goes live after the page loaded the index: the entry file changes, and the old index's
	// chunks are gone, until Pagefind loads the live index (its entry file again, with ?ts=).
	let swapped = false;
	let reloaded = false;
	await page.route("**/pagefind/pagefind-entry.json*", async (route) => {
		if (swapped && new URL(route.request().url()).searchParams.has("ts")) reloaded = true;
		const response = await route.fetch();
		const body = await response.text();
		await route.fulfill({ response, body: swapped ? body : `${body}\n` });
	});
	const gone = new Set<string>();
	await page.route("**/pagefind/index/*.pf_index", async (route) => {
		if (!swapped || reloaded) return route.fallback();
		gone.add(route.request().url());
		await route.fulfill({ status: 404, body: "Not found" });
	});
	await page.goto(`${base()}/fr/`);
	// The first keystroke loads the index's metadata; no search runs under two letters.
	const meta = page.waitForResponse((response) => response.url().includes(".pf_meta"));
	await search(page, "t");
	await meta;
	swapped = true;
	await page.getByRole("searchbox").fill("terminal");
	await expect(page.locator('.search-results a[href$="#export-csv"]').first()).toBeVisible();
	expect(gone.size).toBeGreaterThan(0);
	expect(await violations(page)).toEqual([]);
});

test("the count says how many answers match, and scrolling the panel shows them all, a few at a time", async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 700 });
	await page.goto(`${base()}/fr/`);
	await search(page, "votre");
	const status = page.locator(".search-status");
	await expect(status).toHaveText(/^\d+ résultats pour « votre »/);
	const count = Number((await status.textContent())?.match(/^\d+/)?.[0]);
	// More than the box fetches at once (four), so that the rest must come as the reader scrolls.
	expect(count).toBeGreaterThan(5);
	const results = page.locator(".search-results > li");
	expect(await results.count()).toBeLessThan(count);
	await expect(async () => {
		await results.last().scrollIntoViewIfNeeded();
		expect(await results.count()).toBe(count);
	}).toPass({ timeout: 10_000 });
	const hrefs = await page.locator(".search-results a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
	expect(new Set(hrefs).size).toBe(count);
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

test("?q= on any page opens the panel with that search's results, over the page, not pushing it down", async ({ page }) => {
	await page.goto(`${base()}/en/faq/how-do-i-change-my-password/`);
	const title = await page.getByRole("heading", { level: 1 }).boundingBox();
	await page.goto(`${base()}/en/faq/how-do-i-change-my-password/?q=invoices`);
	await expect(page.getByRole("searchbox")).toHaveValue("invoices");
	await expect(page.getByRole("searchbox")).toBeFocused();
	await expect(page.locator(".search-panel")).toBeVisible();
	await expect(page.locator('.search-results a[href$="#payment-methods"]').first()).toBeVisible();
	await expect(page.locator(".search-panel").getByRole("status")).toHaveText(/results? for “invoices”/);
	expect(await page.getByRole("heading", { level: 1 }).boundingBox()).toEqual(title);
	expect(await violations(page)).toEqual([]);
});

test("Esc closes the panel and gives the focus back to the box; the arrow keys walk the results", async ({ page }) => {
	await page.goto(`${base()}/fr/faq/ou-sont-situes-vos-serveurs/`);
	await search(page, "données");
	const panel = page.locator(".search-panel");
	const results = page.locator(".search-results a");
	await expect(results.first()).toBeVisible();
	await page.keyboard.press("ArrowDown");
	await expect(results.first()).toBeFocused();
	await page.keyboard.press("ArrowDown");
	await expect(results.nth(1)).toBeFocused();
	await page.keyboard.press("ArrowUp");
	await page.keyboard.press("ArrowUp");
	await expect(page.getByRole("searchbox")).toBeFocused();
	// The filter is in the panel: from it, Esc closes the panel and the focus goes back to the box.
	await page.getByLabel("Catégorie").focus();
	await page.keyboard.press("Escape");
	await expect(panel).toBeHidden();
	await expect(page.getByRole("searchbox")).toBeFocused();
	await expect(page.getByRole("searchbox")).toHaveValue("données");
	// "/" brings the search back with its results.
	await page.locator("h1").click();
	await page.keyboard.press("/");
	await expect(page.getByRole("searchbox")).toBeFocused();
	await expect(panel).toBeVisible();
	await page.keyboard.press("Escape");
	await expect(panel).toBeHidden();
});

test("typographic apostrophes and no-break spaces in a query find what straight ones find", async ({ page }) => {
	await page.goto(`${base()}/fr/`);
	await search(page, "l’aide");
	// The query is searched as normalised: the list is for l'aide, with a straight apostrophe.
	await expect(page.locator(".search-results")).toHaveAttribute("data-for", "l'aide|");
	await expect(page.locator(".search-results a", { hasText: "Comment puis-je trouver de l'aide ?" })).toBeVisible();
	await page.getByRole("searchbox").fill("mot\u00a0\u00a0de\u202fpasse");
	await expect(page.locator(".search-results")).toHaveAttribute("data-for", "mot de passe|");
	await expect(page.locator('.search-results a[href$="#change-password"]').first()).toBeVisible();
});

for (const [path, term, hit] of [
	["/fr/recherche/", "données", "#close-account"],
	["/en/search/", "invoices", "#payment-methods"],
] as const) {
	test(`the search page ${path} opens with the results of ?q=, and keeps the query in its address`, async ({ page }) => {
		await page.goto(`${base()}${path}?q=${encodeURIComponent(term)}`);
		await expect(page.locator(`.search-results a[href$="${hit}"]`).first()).toBeVisible();
		await expect(page.locator("[data-search-needs-js]")).toBeHidden();
		// The results are the page's content: Esc leaves them.
		await page.keyboard.press("Escape");
		await expect(page.locator(".search-panel")).toBeVisible();
		await page.getByRole("searchbox").fill("password");
		await expect(page).toHaveURL(`${base()}${path}?q=password`);
		expect(await violations(page)).toEqual([]);
	});
}

test("without JavaScript, the search page says search needs it and links to the full FAQ page", async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`${base()}/fr/faq/ou-sont-situes-vos-serveurs/`);
	await page.getByRole("searchbox").fill("serveurs");
	await page.getByRole("searchbox").press("Enter");
	await expect(page).toHaveURL(`${base()}/fr/recherche/?q=serveurs`);
	await expect(page.getByText("La recherche a besoin de JavaScript")).toBeVisible();
	await page.getByRole("link", { name: "Foire aux questions", exact: true }).click();
	await expect(page).toHaveURL(`${base()}/fr/faq/`);
	await expect(page.locator("#ou-sont-situes-vos-serveurs")).toBeVisible();
	await context.close();
});
