// `npm run screenshots`: full-page PNGs of each locale's home, answer page with an image, category
// page and search page (audited-site.ts starts the portal and finds them), 390 px wide (a phone)
// and 1280 px wide (a laptop), light and dark, into docs/screenshots/ as <kind>-<locale>-<width>-<scheme>.png,
// so that a reviewer can see the site without running it, and the feedback widget under the answer open
// (answer-feedback-…). The folder's PNGs are replaced as a set.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { paths } from "@aide/config";
import { chromiumLaunchOptions } from "@aide/testing";
import { chromium } from "@playwright/test";
import { startAuditedSite } from "./audited-site.ts";

const OUT_DIR = join(paths.root, "docs", "screenshots");
/** Width and height of each viewport: a common phone's, and a laptop's. Full-page shots grow taller. */
const VIEWPORTS = [
	{ width: 390, height: 844, mobile: true },
	{ width: 1280, height: 800, mobile: false },
] as const;
const SCHEMES = ["light", "dark"] as const;

const log = (line: string) => console.log(`screenshots: ${line}`);

async function main(): Promise<void> {
	const site = await startAuditedSite(log);
	try {
		mkdirSync(OUT_DIR, { recursive: true });
		for (const name of readdirSync(OUT_DIR)) if (name.endsWith(".png")) rmSync(join(OUT_DIR, name));
		const browser = await chromium.launch(chromiumLaunchOptions);
		try {
			for (const page of site.pages) {
				for (const { width, height, mobile } of VIEWPORTS) {
					for (const colorScheme of SCHEMES) {
						const context = await browser.newContext({ viewport: { width, height }, isMobile: mobile, hasTouch: mobile, colorScheme });
						const tab = await context.newPage();
						await tab.goto(`${site.baseUrl}${page.path}`, { waitUntil: "networkidle" });
						// A full-page shot shows what is below the fold: load the lazy images as if scrolled to.
						await tab.evaluate(async () => {
							const images = [...document.images];
							for (const image of images) image.loading = "eager";
							await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
						});
						const file = `${page.kind}-${page.locale}-${width}-${colorScheme}.png`;
						await tab.screenshot({ path: join(OUT_DIR, file), fullPage: true });
						// The feedback widget under an answer, "No" pressed: its reasons and comment (built with an insights endpoint only).
						const feedback = tab.locator("[data-feedback]");
						if (page.kind === "answer" && (await feedback.isVisible())) {
							await feedback.locator('[data-vote="no"]').click();
							await feedback.screenshot({ path: join(OUT_DIR, `answer-feedback-${page.locale}-${width}-${colorScheme}.png`) });
						}
						await context.close();
					}
				}
				log(`${page.path}: ${VIEWPORTS.length * SCHEMES.length} screenshots`);
			}
		} finally {
			await browser.close();
		}
	} finally {
		await site.stop();
	}
	log(`wrote ${site.pages.length * VIEWPORTS.length * SCHEMES.length} PNGs into ${OUT_DIR}.`);
}

await main();
