// An answer made of the classic XSS corpus (and MDX- or template-looking text), published by an
// editor: a reader's Chromium opens its page, and nothing runs: no dialog, nothing executable left.

import { ENTRY_UID } from "@aide/cms-contract";
import { XSS_CORPUS } from "@aide/testing";
import { expect, test } from "@playwright/test";
import { env } from "../support/env.ts";

test("an answer carrying the XSS corpus raises no dialog and leaves nothing executable", async ({ page, request }) => {
	test.setTimeout(120_000);
	const cms = env("E2E_CMS_URL");
	const site = env("E2E_BASE_URL");
	const editor = JSON.parse(env("E2E_EDITOR")) as { email: string; password: string };

	const login = await request.post(`${cms}/admin/login`, { data: editor });
	const token = ((await login.json()) as { data: { token: string } }).data.token;
	const headers = { authorization: `Bearer ${token}` };
	const entries = `${cms}/content-manager/collection-types/${ENTRY_UID}`;
	const answer = ["Réponse ordinaire.", ...XSS_CORPUS, "Fin de la réponse."].join("\n\n");
	const created = await request.post(`${entries}?locale=fr`, {
		headers,
		data: { question: "Que devient le HTML dangereux ?", slug: "html-dangereux", answer },
	});
	expect(created.status()).toBe(201);
	const { documentId } = ((await created.json()) as { data: { documentId: string } }).data;
	expect((await request.post(`${entries}/${documentId}/actions/publish?locale=fr`, { headers, data: {} })).status()).toBe(200);

	const url = `${site}/fr/faq/html-dangereux/`;
	await expect.poll(async () => (await request.get(url)).text(), { timeout: 60_000, intervals: [250] }).toContain("Fin de la réponse.");

	const dialogs: string[] = [];
	page.on("dialog", async (dialog) => {
		dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		await dialog.dismiss();
	});
	await page.goto(url);
	await expect(page.getByText("Fin de la réponse.")).toBeVisible();
	// Give event handlers, refreshes and autofocus their chance, then look at what the page holds.
	await page.keyboard.press("Tab");
	await page.waitForTimeout(1_000);
	expect(dialogs).toEqual([]);
	expect(page.url()).toBe(url);
	const leftovers = await page.evaluate(() => ({
		inlineScripts: [...document.querySelectorAll("script")].filter((script) => !script.src).length,
		handlers: [...document.querySelectorAll("*")].flatMap((element) =>
			[...element.attributes]
				.filter((attribute) => attribute.name.startsWith("on"))
				.map((attribute) => `${element.tagName} ${attribute.name}`),
		),
		// The page's own search box is a form (it leads to the search page), and so is its feedback widget's
		// (an aide_ id, which no answer can give); the answer may hold none.
		elements: [...document.querySelectorAll("iframe, object, embed, form, svg, math, base, meta[http-equiv], style")]
			.filter(
				(element) =>
					!(element.tagName === "FORM" && (element.parentElement?.matches("search.search") || element.id === "aide_feedback-form")),
			)
			.map((element) => element.tagName),
		links: [...document.querySelectorAll("a[href]")]
			.map((link) => link.getAttribute("href") ?? "")
			.filter((href) => !/^(https?:|mailto:|tel:|\/|#)/i.test(href.trim())),
	}));
	expect(leftovers).toEqual({ inlineScripts: 0, handlers: [], elements: [], links: [] });
	// Template- and MDX-looking text stays text.
	await expect(page.getByText("{{ constructor.constructor('alert(1)')() }}")).toBeVisible();
});
