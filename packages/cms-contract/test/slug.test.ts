import { describe, expect, it } from "vitest";
import { ANCHOR_MAX_LENGTH, SLUG_PATTERN, SlugError, slugFor } from "../index.js";

describe("the slug rule", () => {
	it("keeps ASCII questions as they were (stored anchors do not move)", () => {
		expect(slugFor("How do I change my password?")).toBe("how-do-i-change-my-password");
		expect(slugFor("Is my data safe?", { locale: "en" })).toBe("is-my-data-safe");
		expect(slugFor("Where is the API key? (v2)")).toBe("where-is-the-api-key-v2");
	});

	it("drops French accents and spells out œ and æ", () => {
		expect(slugFor("Sécurité", { locale: "fr" })).toBe("securite");
		expect(slugFor("cœur", { locale: "fr" })).toBe("coeur");
		expect(slugFor("Ça marche, ex æquo", { locale: "fr" })).toBe("ca-marche-ex-aequo");
		expect(slugFor("Où sont situés vos serveurs ?", { locale: "fr" })).toBe("ou-sont-situes-vos-serveurs");
	});

	it("says & in the locale's words", () => {
		expect(slugFor("Sécurité & confidentialité", { locale: "fr" })).toBe("securite-et-confidentialite");
		expect(slugFor("Security & privacy", { locale: "en" })).toBe("security-and-privacy");
		expect(slugFor("Security & privacy")).toBe("security-and-privacy");
	});

	it("reads typographic and straight apostrophes alike", () => {
		expect(slugFor("l’application", { locale: "fr" })).toBe("l-application");
		expect(slugFor("l'application", { locale: "fr" })).toBe("l-application");
		expect(slugFor("Comment puis-je trouver de l’aide ?", { locale: "fr" })).toBe(
			slugFor("Comment puis-je trouver de l'aide ?", { locale: "fr" }),
		);
	});

	it("ignores the (narrow) non-breaking spaces French puts before ? and !", () => {
		expect(slugFor("Comment fermer mon compte\u00a0?", { locale: "fr" })).toBe("comment-fermer-mon-compte");
		expect(slugFor("Vraiment\u202f!", { locale: "fr" })).toBe("vraiment");
	});

	it("cuts at the length limit without leaving a dash at the end", () => {
		const long = `${"a".repeat(ANCHOR_MAX_LENGTH - 1)} bcd`;
		expect(slugFor(long, { maxLength: ANCHOR_MAX_LENGTH })).toBe("a".repeat(ANCHOR_MAX_LENGTH - 1));
		expect(slugFor("word ".repeat(40)).length).toBeLessThanOrEqual(80);
		expect(slugFor("word ".repeat(40))).toMatch(SLUG_PATTERN);
	});

	it("refuses text without a letter or digit, saying what to do, unless given a fallback", () => {
		expect(() => slugFor("?! …")).toThrow(SlugError);
		expect(() => slugFor("")).toThrow(
			'"" has no letter or digit to make a slug of. Write a few words in it, or give it an id of your own (a heading id: {#some-id}).',
		);
		expect(slugFor("???", { fallback: "entry" })).toBe("entry");
	});

	it("always gives what the content models' regex accepts", () => {
		for (const text of ["--a--b--", "À l’été 2024 : 50 % & plus !", "Straße / İstanbul", "日本語 abc", "C++ & C#", "x\ty\nz"]) {
			expect(slugFor(text, { locale: "fr" })).toMatch(SLUG_PATTERN);
		}
	});
});
