// What a support editor does in the real Strapi admin, step by step, for the journeys that start there.
import { expect, type FrameLocator, type Page } from "@playwright/test";
import { inviteEditor } from "./admin-api.ts";
import { env } from "./env.ts";

/** Logs in to the admin as `user`, from the admin's address as a person would open it. */
export async function logIn(page: Page, cms: string, user: { email: string; password: string }): Promise<void> {
	await page.goto(`${cms}/admin`);
	await page.getByLabel("Email").fill(user.email);
	await page.getByLabel("Password").fill(user.password);
	await page.getByRole("button", { name: "Login" }).click();
}

/** Logs in as the "Support editor" the global setup invited. */
export async function logInAsEditor(page: Page, cms: string): Promise<void> {
	await logIn(page, cms, JSON.parse(env("E2E_EDITOR")) as { email: string; password: string });
}

/**
 * Invites a Support editor of their own and logs in as them. Strapi allows five login attempts per
 * e-mail address and client in five minutes, successful ones included: the journeys that only need
 * "a support editor" each bring one, so that the shared one's logins stay under the limit.
 */
export async function logInAsNewEditor(page: Page, cms: string, firstname: string): Promise<void> {
	const editor = { email: `${firstname.toLowerCase()}-${Date.now()}@aide.test`, password: `${firstname}-pass-2026`, firstname };
	await inviteEditor(cms, editor);
	await logIn(page, cms, editor);
}

/** Opens the English version of the FAQ entry whose question is `question` in the content manager. */
export async function openEnglishEntry(page: Page, question: string): Promise<void> {
	await page.getByRole("link", { name: "Content Manager" }).click();
	await page.getByRole("link", { name: "FAQ entry" }).click();
	await page.getByRole("combobox", { name: "Select a locale" }).click();
	await page.getByRole("option", { name: "English (en)" }).click();
	await page.getByRole("gridcell", { name: question }).click();
	await expect(page.getByRole("heading", { name: question })).toBeVisible();
}

/** Saves the open entry as a draft. */
export async function saveDraft(page: Page): Promise<void> {
	await page.getByRole("button", { name: "Save" }).click();
	await expect(page.getByText("Saved document")).toBeVisible();
}

/** Opens the Preview panel, which frames the site's page for the draft, and returns that frame once it shows the draft. */
export async function openPreview(page: Page): Promise<FrameLocator> {
	await page
		.getByRole("link", { name: "Open preview" })
		.or(page.getByRole("button", { name: "Open preview" }))
		.click();
	const preview = page.frameLocator("iframe").first();
	await expect(preview.getByText("Draft preview: this version is not published yet.")).toBeVisible();
	return preview;
}
