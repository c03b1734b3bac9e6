// WCAG 2.1 A/AA scans of the pages readers see most, in both languages, light and dark.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

const base = () => process.env.E2E_BASE_URL ?? "";

interface Scanned {
	path: string;
	/** Scan the page as readers without JavaScript get it (its scripts are not loaded). */
	withoutScripts?: boolean;
	/** Scan with the feedback widget under the answer open: "No" pressed, its reasons and comment shown. */
	feedbackOpen?: boolean;
}

const pages: Scanned[] = [
	{ path: "/fr/" },
	{ path: "/en/" },
	// `?q=` on any page opens the search results over it.
	{ path: "/fr/?q=serveurs" },
	{ path: "/en/?q=servers" },
	{ path: "/fr/faq/ou-sont-situes-vos-serveurs/" },
	{ path: "/en/faq/where-are-your-servers-located/" },
	{ path: "/fr/faq/comment-exporter-mes-donnees-au-format-csv/" },
	{ path: "/fr/faq/ou-sont-situes-vos-serveurs/", feedbackOpen: true },
	{ path: "/en/faq/where-are-your-servers-located/", feedbackOpen: true },
	{ path: "/fr/category/compte-et-facturation/" },
	{ path: "/en/category/account-and-billing/" },
	{ path: "/fr/a-propos/" },
	{ path: "/en/about/" },
	// The chooser at / redirects readers with JavaScript.
	{ path: "/", withoutScripts: true },
	{ path: "/fr/recherche/" },
	{ path: "/fr/recherche/?q=serveurs" },
	{ path: "/en/search/?q=servers" },
	{ path: "/fr/faq/" },
	{ path: "/en/faq/" },
	// The language-neutral permalink: as readers without JavaScript get it (plain links), and as the rest do.
	{ path: "/q/ou-sont-situes-vos-serveurs/", withoutScripts: true },
	{ path: "/q/ou-sont-situes-vos-serveurs/" },
];

async function open(page: Page, { path, withoutScripts, feedbackOpen }: Scanned): Promise<void> {
	if (withoutScripts) await page.route("**/*.js", (route) => route.abort());
	const response = await page.goto(`${base()}${path}`);
	expect(response?.status(), `${path} answers`).toBe(200);
	// Search results and redirects settle before the scan.
	await page.waitForLoadState("networkidle");
	if (feedbackOpen) {
		const widget = page.locator("[data-feedback]");
		await widget.locator('[data-vote="no"]').click();
		await expect(widget.getByRole("checkbox").first()).toBeVisible();
	}
}

for (const colorScheme of ["light", "dark"] as const) {
	for (const scanned of pages) {
		const state = scanned.withoutScripts ? " without scripts" : scanned.feedbackOpen ? " with the feedback widget open" : "";
		const name = `${scanned.path}${state} (${colorScheme}) has no WCAG 2.1 A/AA violation`;
		test(name, async ({ page }) => {
			await page.emulateMedia({ colorScheme });
			await open(page, scanned);
			const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
			expect(
				scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
			).toEqual([]);
		});
	}
}
