// Meta descriptions made of an answer's text: the text of the sanitised HTML, cut on a word.
import { describe, expect, it } from "vitest";
import { entryDescription, excerpt, textOfHtml } from "../src/lib/describe.ts";

describe("textOfHtml", () => {
	it("keeps the words, separates blocks, joins inline markup and decodes character references", () => {
		expect(
			textOfHtml(
				'<h3 id="a--b">Avant</h3>\n<p>Ouvrez <strong>Réglages</strong>&#x26;<em>Compte</em>.</p><ul><li>un</li><li>deux</li></ul>',
			),
		).toBe("Avant Ouvrez Réglages&Compte. un deux");
		expect(textOfHtml("<p>a &#x3C; b &lt; c &amp; d&nbsp;?</p>")).toBe("a < b < c & d\u00a0?");
	});
});

describe("excerpt", () => {
	it("leaves a short text whole, and cuts a long one on a word with an ellipsis", () => {
		expect(excerpt("Short enough.")).toBe("Short enough.");
		const long = `${"mot ".repeat(60)}fin`;
		const cut = excerpt(long);
		expect(cut.length).toBeLessThanOrEqual(155);
		expect(cut).toMatch(/^(mot )+mot…$/);
	});

	it("does not end on punctuation before the ellipsis", () => {
		expect(excerpt("Alpha, beta, gamma, delta", 14)).toBe("Alpha, beta…");
	});
});

describe("entryDescription", () => {
	it("is the summary when there is one, else the start of the answer, else the question", () => {
		expect(entryDescription({ summary: "  Le résumé.  ", html: "<p>Réponse</p>", question: "Q ?" })).toBe("Le résumé.");
		expect(entryDescription({ summary: null, html: "<p>Réponse</p>", question: "Q ?" })).toBe("Réponse");
		expect(entryDescription({ summary: "", html: '<p><img src="/x.png" alt=""></p>', question: "Q ?" })).toBe("Q ?");
	});
});
