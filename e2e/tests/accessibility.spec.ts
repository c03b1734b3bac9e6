// WCAG 2.1 A/AA scans of the pages readers see most, in both languages, light and dark.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const base = () => process.env.E2E_BASE_URL ?? "";
const pages = [
	"/fr/",
	"/en/",
	"/fr/faq/",
	"/fr/recherche/",
	"/en/search/",
	"/fr/faq/ou-sont-situes-vos-serveurs/",
	"/en/faq/where-are-your-servers-located/",
	"/fr/faq/comment-exporter-mes-donnees-au-format-csv/",
	"/fr/category/compte-et-facturation/",
	"/en/category/account-and-billing/",
	"/fr/a-propos/",
	"/en/about/",
	"/",
];

for (const colorScheme of ["light", "dark"] as const) {
	for (const path of pages) {
		test(`${path} (${colorScheme}) has no WCAG 2.1 A/AA violation`, async ({ page }) => {
			await page.emulateMedia({ colorScheme });
			// The chooser at / redirects readers with JavaScript; scan it as readers without JavaScript get it.
			if (path === "/") await page.route("**/lang-redirect.js", (route) => route.abort());
			await page.goto(`${base()}${path}`);
			const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
			expect(
				scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
			).toEqual([]);
		});
	}
}
