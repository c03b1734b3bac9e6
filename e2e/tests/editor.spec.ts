// A support editor, in the real Strapi admin: logs in, edits an English answer, looks at the draft
// in the Preview panel (the site's own page, served by the site service), publishes, and the public
// site shows the new text moments later.
import { expect, test } from "@playwright/test";
import { logInAsEditor, openEnglishEntry, openPreview, saveDraft } from "../support/admin.ts";
import { env } from "../support/env.ts";

test("an editor changes an English answer, previews it and publishes it to the site", async ({ page, request }) => {
	test.setTimeout(120_000);
	const cms = env("E2E_CMS_URL");
	const site = env("E2E_BASE_URL");
	const addition = `Tip added on ${new Date().toISOString()}: use a password manager.`;

	await logInAsEditor(page, cms);
	await openEnglishEntry(page, "How do I change my password?");

	// The answer is Markdown in Strapi's editor: add a paragraph at its end and save the draft.
	await page.locator(".CodeMirror").first().click();
	await page.keyboard.press("Control+End");
	await page.keyboard.type(`\n\n${addition}`);
	await saveDraft(page);

	// The Preview panel frames the site's page for this draft.
	const preview = await openPreview(page);
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
	// The answer went live ahead of the full rebuild, searchable through a small index of what changed; the
	// full rebuild follows, and once it is live its own index has the change: the small one is empty again.
	await expect
		.poll(async () => ((await (await request.get(`${site}/pagefind-delta/delta.json`)).json()) as { languages: string[] }).languages, {
			timeout: 90_000,
			intervals: [500],
		})
		.toEqual([]);
});
