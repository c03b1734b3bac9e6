// A support editor puts a screenshot into an English answer in the real Strapi admin: uploads it in
// the media library, inserts it with the Markdown editor's Image button, sees it in the Preview panel
// and publishes. A reader then sees it on the site, from the site itself (the CMS is not public),
// with no Content-Security-Policy violation on either page.
import { pngImage } from "@aide/testing";
import { expect, type Locator, test } from "@playwright/test";
import { logInAsEditor, openEnglishEntry, openPreview, saveDraft } from "../support/admin.ts";
import { env } from "../support/env.ts";

const QUESTION = "Which payment methods do you accept?";
const FILE = "payment-settings.png";

/** Collects Content-Security-Policy violations from the first byte of every page and frame. */
test.beforeEach(async ({ context }) => {
	await context.addInitScript(() => {
		const violations: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = violations;
		document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
	});
});

/** Waits until the image has loaded (a lazy one is scrolled to first), and returns its natural width. */
async function loadedWidth(image: Locator): Promise<number> {
	await image.scrollIntoViewIfNeeded();
	await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
	return image.evaluate((element: HTMLImageElement) => element.naturalWidth);
}

test("an editor puts a screenshot into an English answer; the preview and the site show it from their own origin", async ({
	page,
	context,
	request,
}) => {
	test.setTimeout(180_000);
	const cms = env("E2E_CMS_URL");
	const site = env("E2E_BASE_URL");
	await logInAsEditor(page, cms);

	// The media library: upload the screenshot (its "Add assets" button opens the file chooser).
	await page.getByRole("link", { name: "Media Library" }).click();
	const chooser = page.waitForEvent("filechooser");
	await page.getByRole("button", { name: "Add assets" }).first().click();
	await (await chooser).setFiles({ name: FILE, mimeType: "image/png", buffer: pngImage(1200, 800) });
	await expect(page.getByText(/Upload successful|uploaded successfully/).first()).toBeVisible();

	// The answer: the Markdown editor's Image button inserts the library's file as ![name](url).
	await openEnglishEntry(page, QUESTION);
	await page.locator(".CodeMirror").first().click();
	await page.keyboard.press("Control+End");
	await page.keyboard.type("\n\n");
	// The Image button is in the toolbar, or in its "More" menu when the toolbar is narrow.
	const imageButton = page.getByRole("button", { name: "Image", exact: true });
	if (await imageButton.isVisible()) await imageButton.click();
	else {
		await page.getByRole("button", { name: "More", exact: true }).first().click();
		await page.getByRole("menuitem", { name: "Image" }).click();
	}
	const library = page.getByRole("dialog");
	// The library's card for the file (its checkbox is named by the card's title, the file's name).
	await library
		.getByRole("checkbox", { name: /payment-settings/ })
		.or(library.getByRole("checkbox"))
		.first()
		.check();
	await library.getByRole("button", { name: "Finish" }).click();
	await expect(page.locator(".CodeMirror").first()).toContainText(`![${FILE}](`);
	await saveDraft(page);

	// The Preview panel: the draft's image, served by the site service that serves the preview.
	const preview = await openPreview(page);
	const previewed = preview.getByRole("img", { name: FILE });
	expect(await loadedWidth(previewed)).toBeGreaterThan(0);
	const src = (await previewed.getAttribute("src")) ?? "";
	expect(src).toMatch(/^\/media\/payment_settings_[a-z0-9]+-[0-9a-f]{8}\.png$/);
	expect(await previewed.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
	// Not on the public site before it is published.
	expect((await request.get(`${site}${src}`)).status()).toBe(404);

	await page.getByRole("button", { name: "Publish" }).click();
	await expect(page.getByText("Published document")).toBeVisible();

	// A reader: the answer's page shows the image, which the site itself serves.
	const answer = `${site}/en/faq/which-payment-methods-do-you-accept/`;
	await expect.poll(async () => (await request.get(answer)).text(), { timeout: 60_000, intervals: [250] }).toContain(src);
	const reader = await context.newPage();
	const errors: string[] = [];
	reader.on("console", (message) => {
		if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
	});
	const failed: string[] = [];
	reader.on("response", (response) => {
		if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
	});
	await reader.goto(answer);
	const image = reader.getByRole("img", { name: FILE });
	expect(await loadedWidth(image)).toBeGreaterThan(0);
	expect(await image.getAttribute("src")).toBe(src);
	expect(await image.getAttribute("width")).toBe("1200");
	expect(await image.getAttribute("height")).toBe("800");
	// The browser took the version of the srcset that fits the column, from the site itself.
	const shown = await image.evaluate((element: HTMLImageElement) => element.currentSrc);
	expect(shown.startsWith(`${site}/media/`)).toBe(true);
	for (const url of new Set([`${site}${src}`, shown])) {
		const served = await request.get(url);
		expect(served.status(), url).toBe(200);
		expect(served.headers()["content-type"], url).toBe("image/png");
	}
	expect(await reader.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
	expect(failed).toEqual([]);
	expect(errors).toEqual([]);
});
