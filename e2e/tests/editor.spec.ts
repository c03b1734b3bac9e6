// A support editor, in the real Strapi admin: logs in, edits an English answer, looks at the draft
// in the Preview panel (the site's own page, served by the site service), publishes, and the public
// site shows the new text moments later.
import { expect, test } from "@playwright/test";
import { env } from "../support/env.ts";

test("an editor changes an English answer, previews it and publishes it to the site", async ({ page, request }) => {
	test.setTimeout(120_000);
	const cms = env("E2E_CMS_URL");
	const site = env("E2E_BASE_URL");
	const editor = JSON.parse(env("E2E_EDITOR")) as { email: string; password: string };
	const addition = `Tip added on ${new Date().toISOString()}: use a password manager.`;

	await page.goto(`${cms}/admin`);
	await page.getByLabel("Email").fill(editor.email);
	await page.getByLabel("Password").fill(editor.password);
	await page.getByRole("button", { name: "Login" }).click();

	await page.getByRole("link", { name: "Content Manager" }).click();
	await page.getByRole("link", { name: "FAQ entry" }).click();
	await page.getByRole("combobox", { name: "Select a locale" }).click();
	await page.getByRole("option", { name: "English (en)" }).click();
	await page.getByRole("gridcell", { name: "How do I change my password?" }).click();
	await expect(page.getByRole("heading", { name: "How do I change my password?" })).toBeVisible();

	// The answer is Markdown in Strapi's editor: add a paragraph at its end and save the draft.
	await page.locator(".CodeMirror").first().click();
	await page.keyboard.press("Control+End");
	await page.keyboard.type(`\n\n${addition}`);
	await page.getByRole("button", { name: "Save" }).click();
	await expect(page.getByText("Saved document")).toBeVisible();

	// The Preview panel frames the site's page for this draft.
	await page
		.getByRole("link", { name: "Open preview" })
		.or(page.getByRole("button", { name: "Open preview" }))
		.click();
	const preview = page.frameLocator("iframe").first();
	await expect(preview.getByText("Draft preview: this version is not published yet.")).toBeVisible();
	await expect(preview.getByText(addition)).toBeVisible();
	const live = await request.get(`${site}/en/faq/how-do-i-change-my-password/`);
	expect(await live.text()).not.toContain(addition);

	await page.getByRole("button", { name: "Publish" }).click();
	await expect(page.getByText("Published document")).toBeVisible();

	// The webhook rebuilds the site: poll it, as a reader reloading would.
	await expect
		.poll(async () => (await request.get(`${site}/en/faq/how-do-i-change-my-password/`)).text(), { timeout: 60_000, intervals: [250] })
		.toContain(addition);
	await page.goto(`${site}/en/faq/how-do-i-change-my-password/`);
	await expect(page.getByText(addition)).toBeVisible();
});
