// Permalink pages: one per answer, shared by its locales; two answers may not claim one link.
import type { SiteEntry } from "@aide/cms-loader";
import { describe, expect, it } from "vitest";
import { permalinkPages } from "../src/lib/permalinks.ts";

const entry = (documentId: string, locale: string, permalinkId: string, question: string): SiteEntry => ({
	documentId,
	locale,
	slug: `${locale}-${documentId}`,
	question,
	summary: null,
	keywords: null,
	anchor: permalinkId,
	permalinkId,
	order: 0,
	category: null,
	translations: {},
	related: [],
	updatedAt: "2026-12-01T00:00:00.000Z",
	outdated: false,
	html: "<p>x</p>",
	headings: [],
	media: [],
});

describe("permalinkPages", () => {
	it("gives each answer one page with its versions in the order of the locales list", () => {
		const pages = permalinkPages([
			entry("a", "en", "where", "Where?"),
			entry("b", "fr", "b", "Quand ?"),
			entry("a", "fr", "where", "Où ?"),
		]);
		expect(pages.map(({ id, versions }) => [id, versions.map((version) => version.question)])).toEqual([
			["where", ["Où ?", "Where?"]],
			["b", ["Quand ?"]],
		]);
	});

	it("refuses two answers with the same anchor in different locales, naming both and what to do", () => {
		expect(() => permalinkPages([entry("a", "fr", "contact", "Nous joindre ?"), entry("b", "en", "contact", "Contact us?")])).toThrow(
			'Two answers, "Nous joindre ?" (fr, a) and "Contact us?" (en, b), have the anchor "contact": their link /q/contact/ would collide. Give one of them another anchor in the CMS.',
		);
	});
});
