// What a reader's browser sends about answers and searches (issue 17), in a real Chromium on the portal:
// a vote under an answer ("Oui", or "Non" with reasons and a comment), remembered after a reload; a search
// that settles, reported once, and the result opened from it; and nothing at all from a browser that says
// Do Not Track or Global Privacy Control, or for a query that looks like an e-mail address. The assertions
// are on the requests the page sends to the events endpoint, whatever the portal answers them.
import { gzipSync } from "node:zlib";
import { INSIGHT_ROUTES, type InsightEvent } from "@aide/cms-contract";
import { type BrowserContext, expect, type Page, type Request, test } from "@playwright/test";
import { ANSWER_BUDGET_BYTES, pageWeight } from "../audit/answer-weight.ts";
import { env } from "../support/env.ts";

const ANSWER = "/fr/faq/ou-sont-situes-vos-serveurs/";
/** Longer than the search box's settling time (1.5 s without a keystroke). */
const SETTLED_MS = 2_500;

/** The events the page sends, in order, parsed from the requests' bodies. */
function eventsOf(page: Page): InsightEvent[] {
	const events: InsightEvent[] = [];
	page.on("request", (request: Request) => {
		if (new URL(request.url()).pathname !== INSIGHT_ROUTES.events) return;
		expect(request.method()).toBe("POST");
		events.push(request.postDataJSON() as InsightEvent);
	});
	return events;
}

const isEvent = (request: Request) => new URL(request.url()).pathname === INSIGHT_ROUTES.events;

/**
 * What the scripts see when the reader leaves: `pagehide`. Dispatched in the page rather than by navigating,
 * because Playwright does not report the requests of a document being unloaded (the server does get them).
 */
const leave = (page: Page) => page.evaluate(() => dispatchEvent(new PageTransitionEvent("pagehide")));

async function openAnswer(page: Page): Promise<string> {
	await page.goto(`${env("E2E_BASE_URL")}${ANSWER}`);
	const documentId = await page.locator("article").getAttribute("data-document-id");
	expect(documentId).toBeTruthy();
	return documentId ?? "";
}

async function search(page: Page, term: string): Promise<void> {
	await page.keyboard.press("ControlOrMeta+k");
	await page.getByRole("searchbox").pressSequentially(term, { delay: 30 });
	await expect(page.locator(".search-status")).toContainText(term);
}

test.describe("under an answer", () => {
	test("« Oui » sends one vote, says thanks, and is remembered after a reload", async ({ page }) => {
		const events = eventsOf(page);
		const documentId = await openAnswer(page);
		const widget = page.getByRole("region", { name: "Cette réponse vous a-t-elle aidé ?" });
		await expect(widget).toBeVisible();
		const sent = page.waitForRequest(isEvent);
		await widget.getByRole("button", { name: "Oui" }).click();
		expect((await sent).postDataJSON()).toEqual({ type: "feedback", locale: "fr", documentId, helpful: true });
		await expect(widget.getByRole("status")).toHaveText("Merci pour votre retour !");
		await expect(widget.getByRole("button")).toHaveCount(0);

		await page.reload();
		await expect(widget.getByRole("status")).toHaveText("Vous avez déjà donné votre avis sur cette réponse : merci !");
		await expect(widget.getByRole("button", { name: "Oui" })).toBeHidden();
		await leave(page);
		expect(events).toHaveLength(1);
	});

	test("« Non » asks why, then sends the reasons and the comment with the vote", async ({ page }) => {
		const events = eventsOf(page);
		const documentId = await openAnswer(page);
		const widget = page.getByRole("region", { name: "Cette réponse vous a-t-elle aidé ?" });
		const no = widget.getByRole("button", { name: "Non" });
		await expect(no).toHaveAttribute("aria-expanded", "false");
		await no.click();
		await expect(no).toHaveAttribute("aria-expanded", "true");
		for (const reason of ["Pas clair", "Incomplet", "Ce n'est pas ma question", "Plus à jour"])
			await expect(widget.getByRole("checkbox", { name: reason })).toBeVisible();
		await widget.getByRole("checkbox", { name: "Pas clair" }).check();
		await widget.getByRole("checkbox", { name: "Plus à jour" }).check();
		await widget.getByRole("textbox", { name: "Un commentaire ? (facultatif)" }).fill("  La région de Paris manque.  ");
		const sent = page.waitForRequest(isEvent);
		await widget.getByRole("button", { name: "Envoyer" }).click();
		expect((await sent).postDataJSON()).toEqual({
			type: "feedback",
			locale: "fr",
			documentId,
			helpful: false,
			reasons: ["unclear", "outdated"],
			comment: "La région de Paris manque.",
		});
		await expect(widget.getByRole("status")).toHaveText("Merci pour votre retour !");
		await expect(widget.getByRole("status")).toBeFocused();
		await expect(widget.getByRole("checkbox")).toHaveCount(0);
		// One vote per page view: leaving the page sends nothing more.
		await leave(page);
		expect(events).toHaveLength(1);
	});

	test("« Non » left without sending still counts, bare, when the reader leaves", async ({ page }) => {
		const documentId = await openAnswer(page);
		await page.getByRole("button", { name: "Non" }).click();
		const sent = page.waitForRequest(isEvent);
		await leave(page);
		expect((await sent).postDataJSON()).toEqual({ type: "feedback", locale: "fr", documentId, helpful: false });
	});

	test("the page stays light: HTML and CSS under the budget, the widget's script under 2 KB gzipped", async () => {
		const weight = await pageWeight(env("E2E_BASE_URL"), ANSWER);
		expect(weight.htmlBytes + weight.cssBytes, JSON.stringify(weight)).toBeLessThan(ANSWER_BUDGET_BYTES);
		const script = await (await fetch(`${env("E2E_BASE_URL")}/feedback.js`)).text();
		expect(gzipSync(script, { level: 9 }).length).toBeLessThan(2048);
	});
});

test.describe("the search box", () => {
	test("reports a search once it settles, once, and then the result opened", async ({ page }) => {
		const events = eventsOf(page);
		await page.goto(`${env("E2E_BASE_URL")}/fr/`);
		// "serv" shows results, but the reader goes on typing: only "serveurs" settles.
		await search(page, "serv");
		await page.getByRole("searchbox").pressSequentially("eurs", { delay: 30 });
		await expect(page.locator(".search-status")).toContainText("serveurs");
		await expect.poll(() => events.length, { timeout: SETTLED_MS * 2 }).toBe(1);
		const [settled] = events;
		expect(settled).toMatchObject({ type: "search", locale: "fr", query: "serveurs" });
		expect(settled?.type === "search" && settled.results).toBeGreaterThan(0);
		// Closing the panel and opening it again on the same query does not report it twice.
		await page.keyboard.press("Escape");
		await page.getByRole("searchbox").click();
		await expect(page.locator(".search-results a").first()).toBeVisible();
		await page.waitForTimeout(SETTLED_MS);
		expect(events).toHaveLength(1);

		const result = page.locator('.search-results a[href*="ou-sont-situes-vos-serveurs"]').first();
		const opened = page.waitForRequest((request) => isEvent(request) && request.postDataJSON().type === "open");
		await result.click();
		expect((await opened).postDataJSON()).toEqual({ type: "open", locale: "fr", query: "serveurs", path: ANSWER });
		await expect(page).toHaveURL(new RegExp(`${ANSWER}#`));
	});

	test("reports a search without a result, with its count, when the panel closes", async ({ page }) => {
		const events = eventsOf(page);
		await page.goto(`${env("E2E_BASE_URL")}/en/`);
		await search(page, "Quantum Teleport");
		await expect(page.locator(".search-status")).toHaveText("No results for “Quantum Teleport”");
		const sent = page.waitForRequest(isEvent);
		await page.keyboard.press("Escape");
		expect((await sent).postDataJSON()).toEqual({ type: "search", locale: "en", query: "quantum teleport", results: 0 });
		expect(events).toHaveLength(1);
	});

	test("never sends a query that looks like an e-mail address", async ({ page }) => {
		const events = eventsOf(page);
		await page.goto(`${env("E2E_BASE_URL")}/fr/`);
		await search(page, "jean.dupont@example.com");
		await page.waitForTimeout(SETTLED_MS);
		await page.keyboard.press("Escape");
		await leave(page);
		expect(events).toEqual([]);
	});
});

/** A context whose browser says no: `navigator.doNotTrack` "1", or `navigator.globalPrivacyControl` true. */
async function refusing(context: BrowserContext, signal: "doNotTrack" | "globalPrivacyControl"): Promise<void> {
	await context.addInitScript((name) => {
		Object.defineProperty(Navigator.prototype, name, { configurable: true, get: () => (name === "doNotTrack" ? "1" : true) });
	}, signal);
}

for (const signal of ["doNotTrack", "globalPrivacyControl"] as const) {
	test(`a browser with ${signal} set sends nothing: no widget, no search reported, no result opened`, async ({ context, page }) => {
		await refusing(context, signal);
		const events = eventsOf(page);
		await openAnswer(page);
		expect(await page.evaluate((name) => String((navigator as unknown as Record<string, unknown>)[name]), signal)).toBe(
			signal === "doNotTrack" ? "1" : "true",
		);
		// The share controls show that the page's scripts ran; the widget stays hidden.
		await expect(page.getByRole("button", { name: "Copier le lien" })).toBeVisible();
		await expect(page.getByRole("button", { name: "Oui" })).toBeHidden();
		await search(page, "serveurs");
		await page.waitForTimeout(SETTLED_MS);
		await page.locator('.search-results a[href*="ou-sont-situes-vos-serveurs"]').first().click();
		await expect(page).toHaveURL(new RegExp(`${ANSWER}#`));
		await leave(page);
		expect(events).toEqual([]);
	});
}
