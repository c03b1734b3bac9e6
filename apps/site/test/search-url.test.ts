// The search page's address comes from each locale's "search.segment" string: a string that cannot
// be a page's address, or that would hide another page, stops the build with a message naming the file.
import { describe, expect, it } from "vitest";
import { checkedSearchSegment, searchUrl } from "../src/lib/search-url.ts";

describe("the search page's address", () => {
	it("is /<locale>/<the locale's search.segment>/, with the query as ?q=", () => {
		expect(searchUrl("fr")).toBe("/fr/recherche/");
		expect(searchUrl("en", "mot de passe")).toBe("/en/search/?q=mot%20de%20passe");
		expect(checkedSearchSegment("ar", "بحث")).toBe("بحث");
		expect(checkedSearchSegment("de", "suche-2")).toBe("suche-2");
	});

	it("refuses a segment that is not a lowercase URL segment, or that another page uses, naming the file", () => {
		for (const segment of ["Recherche", "re cherche", "search/", "", "-search", "faq", "category", "404"]) {
			expect(() => checkedSearchSegment("fr", segment), JSON.stringify(segment)).toThrow(
				`apps/site/src/i18n/fr.json has "search.segment": ${JSON.stringify(segment)}, which cannot name the search page /fr/<segment>/: write lowercase letters and digits, words joined by hyphens, and none of faq, category, 404.`,
			);
		}
	});
});
