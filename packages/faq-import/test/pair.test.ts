import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ImportError, pairEachPage, pairPages, parsePage, readPage, renderCategory } from "../src/index.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe("pairPages", () => {
	it("pairs by heading id, then by position, and warns when the pages differ in length", () => {
		const [paired] = pairPages([readPage(fixture("pairs/en/help.md")), readPage(fixture("pairs/fr/help.md"))]);
		expect(paired?.group.entries.map((entry) => [entry.anchor, entry.order, Object.keys(entry.locales).sort()])).toEqual([
			["first", 1, ["en", "fr"]],
			["deuxieme", 2, ["en", "fr"]],
			["troisieme", 3, ["fr"]],
		]);
		expect(paired?.group.entries[1]?.locales.en?.question).toBe("Second?");
		expect(paired?.group.category?.locales).toEqual({ en: { name: "Help", description: null }, fr: { name: "Aide", description: null } });
		expect(paired?.warnings).toEqual([
			expect.stringMatching(/pairs\/en\/help\.md has 2 questions and .*pairs\/fr\/help\.md has 3: check the pairs/),
		]);
	});

	it("refuses two pages that give one id to different questions", () => {
		const one = parsePage("a.md", "## Where? {#where}\n\nHere.\n");
		const two = parsePage("b.md", "## Where else? {#where}\n\nThere.\n");
		expect(() => pairPages([one, two])).toThrowError(ImportError);
		expect(() => pairPages([one, two])).toThrowError('b.md:1: the question\'s id "where" is also used at a.md:1.');
	});

	it("refuses a page that cannot be paired alone: the other pages of the run still pair", () => {
		const pages = [
			parsePage("a.md", "## Where? {#where}\n\nHere.\n"),
			parsePage("b.md", "## !!!\n\nNo id can be made from this question.\n"),
			parsePage("c.md", "## Where else? {#where}\n\nThere.\n"),
			parsePage("d.md", "## When?\n\nNow.\n"),
		];
		const results = pairEachPage(pages);
		expect(results.map((result) => (result.error ? result.error.message : result.paired.group.files))).toEqual([
			["a.md"],
			'b.md:1: cannot make an id from the question "!!!". Add a heading id: {#some-id}.',
			'c.md:1: the question\'s id "where" is also used at a.md:1. Ids are unique across pages: give one of them another heading id.',
			["d.md"],
		]);
	});
});

describe("renderCategory", () => {
	it("writes pages that read back to the same questions, answers, ids and category", () => {
		const [paired] = pairPages([readPage(fixture("pairs/en/help.md")), readPage(fixture("pairs/fr/help.md"))]);
		const group = paired?.group;
		if (!group?.category) throw new Error("no group");
		const pages = renderCategory({
			slug: "aide",
			order: group.category.order,
			locales: group.category.locales,
			entries: group.entries.map((entry) => ({
				anchor: entry.anchor,
				order: entry.order,
				locales: Object.fromEntries(
					Object.entries(entry.locales).map(([locale, content]) => [
						locale,
						{ question: content.question, answer: content.answer, keywords: content.keywords },
					]),
				),
			})),
		});
		expect(pages.map((page) => page.path)).toEqual(["en/aide.md", "fr/aide.md"]);
		const [again] = pairPages(pages.map((page) => parsePage(`out/${page.path}`, page.text)));
		expect(again?.warnings).toEqual([]);
		expect(again?.group.entries).toEqual(
			group.entries.map((entry) => ({
				...entry,
				locales: Object.fromEntries(
					Object.entries(entry.locales).map(([locale, content]) => [locale, { ...content, source: expect.any(String) }]),
				),
			})),
		);
	});

	it('makes anchors by the CMS\'s slug rule, keeping "and" for & so that stored anchors do not move', () => {
		const page = parsePage(
			"fr/prix.md",
			"## Prix & abonnement ?\n\nOui.\n\n## Cœur de l’application\u00a0?\n\nOui.\n\n## Où est l'aide ?\n\nIci.\n",
		);
		const [paired] = pairPages([page]);
		expect(paired?.group.entries.map((entry) => entry.anchor)).toEqual(["prix-and-abonnement", "coeur-de-l-application", "ou-est-l-aide"]);
	});
});
