// Bytes and time of a first and a second search in Chromium, on a served site, as a reader types.

import { chromiumLaunchOptions } from "@aide/testing";
import { chromium } from "@playwright/test";

export interface SearchFigures {
	term: string;
	bytes: number;
	/** From the end of typing (less the box's 150 ms typing pause) to the first result on screen. */
	firstResultsMs: number;
}

export async function measureSearch(siteUrl: string, terms: readonly [string, string]): Promise<[SearchFigures, SearchFigures]> {
	const browser = await chromium.launch(chromiumLaunchOptions);
	try {
		const page = await browser.newPage();
		let bytes = 0;
		page.on("requestfinished", async (request) => {
			const sizes = await request.sizes().catch(() => undefined);
			if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
		});
		await page.goto(`${siteUrl}/fr/`, { waitUntil: "networkidle" });
		const measure = async (term: string): Promise<SearchFigures> => {
			bytes = 0;
			await page.getByRole("searchbox").fill("");
			await page.locator(".search-panel").evaluate((panel) => panel.setAttribute("hidden", ""));
			const startedAt = await page.evaluate(() => performance.now());
			await page.getByRole("searchbox").fill(term);
			await page.locator(".search-results li").first().waitFor();
			const elapsed = (await page.evaluate(() => performance.now())) - startedAt;
			await page.waitForLoadState("networkidle");
			// The box waits 150 ms after the last keystroke before searching: that is typing comfort, not search time.
			return { term, bytes, firstResultsMs: Math.max(0, Math.round(elapsed - 150)) };
		};
		const first = await measure(terms[0]);
		const second = await measure(terms[1]);
		return [first, second];
	} finally {
		await browser.close();
	}
}

/** The paths of the answers the search box of the page at `path` lists for `term`, in Chromium. */
export async function searchResults(siteUrl: string, path: string, term: string): Promise<string[]> {
	const browser = await chromium.launch(chromiumLaunchOptions);
	try {
		const page = await browser.newPage();
		await page.goto(`${siteUrl}${path}`);
		await page.getByRole("searchbox").fill(term);
		await page.locator(`.search-results[data-for="${term}|"]`).waitFor({ state: "attached" });
		const hrefs = await page.locator(".search-results a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
		return hrefs.map((href) => new URL(href, siteUrl).pathname);
	} finally {
		await browser.close();
	}
}
