// Bytes and time of a first and a second search with Pagefind's own JS API (no UI) in Chromium, on a
// served site: the floor Aide's search box is compared with (`--compare hugo`). As a search page would,
// it imports /pagefind/pagefind.js at the first search, searches, and loads the first five results' data.
import { chromiumLaunchOptions } from "@aide/testing";
import { chromium } from "@playwright/test";

export interface PagefindSearchFigures {
	term: string;
	results: number;
	/** Bytes over the network (bodies and headers, as search.ts counts them). */
	bytes: number;
	/** From the call to the five results' data in hand, measured in the page. */
	ms: number;
}

/** Shown results whose data a search page loads. */
const SHOWN = 5;

export async function measurePagefindSearch(
	pageUrl: string,
	terms: readonly [string, string],
): Promise<[PagefindSearchFigures, PagefindSearchFigures]> {
	const browser = await chromium.launch(chromiumLaunchOptions);
	try {
		const page = await browser.newPage();
		let bytes = 0;
		const counting: Array<Promise<void>> = [];
		page.on("requestfinished", (request) => {
			counting.push(
				request.sizes().then(
					(sizes) => {
						bytes += sizes.responseBodySize + sizes.responseHeadersSize;
					},
					() => {},
				),
			);
		});
		await page.goto(pageUrl, { waitUntil: "networkidle" });
		await Promise.all(counting);
		const measure = async (term: string): Promise<PagefindSearchFigures> => {
			bytes = 0;
			const { results, ms } = await page.evaluate(
				async ({ term, shown }) => {
					interface Pagefind {
						search(term: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }>;
					}
					const started = performance.now();
					const scope = window as unknown as { pagefind?: Pagefind };
					// Through a variable: the module is the served site's, not one TypeScript can resolve.
					const url = "/pagefind/pagefind.js";
					scope.pagefind ??= (await import(url)) as Pagefind;
					const found = await scope.pagefind.search(term);
					await Promise.all(found.results.slice(0, shown).map((result) => result.data()));
					return { results: found.results.length, ms: performance.now() - started };
				},
				{ term, shown: SHOWN },
			);
			// The last responses' events may trail the page's promise by a moment.
			await page.waitForTimeout(300);
			await Promise.all(counting);
			return { term, results, bytes, ms: Math.round(ms) };
		};
		const first = await measure(terms[0]);
		const second = await measure(terms[1]);
		return [first, second];
	} finally {
		await browser.close();
	}
}
