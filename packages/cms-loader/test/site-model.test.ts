import type { SiteContent } from "@aide/cms-client";
import { describe, expect, it } from "vitest";
import { buildSiteModel } from "../src/index.ts";
import { type AnswerRenderer, answerRenderer, renderAhead } from "../src/site-model.ts";

const base = { summary: null, keywords: null, publishedAt: "2026-11-01T00:00:00.000Z", related: [] as Array<{ documentId: string }> };
const category = (locale: string, name: string, slug: string) => ({
	documentId: "cat1",
	locale,
	name,
	slug,
	description: null,
	order: 1,
	updatedAt: "2026-11-01T00:00:00.000Z",
});

const content: SiteContent = {
	fetchedAt: "2026-11-02T00:00:00.000Z",
	locales: {
		fr: {
			categories: [category("fr", "Compte", "compte")],
			entries: [
				{
					...base,
					documentId: "a",
					locale: "fr",
					question: "Où ?",
					slug: "ou",
					answer: "## Détail\n\nRoubaix <script>x</script>",
					anchor: "where",
					order: 1,
					updatedAt: "2026-11-10T00:00:00.000Z",
					category: { documentId: "cat1" },
					related: [{ documentId: "b" }],
				},
				{
					...base,
					documentId: "b",
					locale: "fr",
					question: "Quand ?",
					slug: "quand",
					answer: "Demain.",
					anchor: null,
					order: 2,
					updatedAt: "2026-11-01T00:00:00.000Z",
					category: null,
				},
			],
		},
		en: {
			categories: [category("en", "Account", "account")],
			entries: [
				{
					...base,
					documentId: "a",
					locale: "en",
					question: "Where?",
					slug: "where",
					answer: "Roubaix.",
					anchor: "where",
					order: 1,
					updatedAt: "2026-11-05T00:00:00.000Z",
					category: { documentId: "cat1" },
					related: [{ documentId: "b" }],
				},
			],
		},
	},
};

describe("buildSiteModel", () => {
	const { entries, categories } = buildSiteModel(content);
	const find = (locale: string, documentId: string) => entries.find((entry) => entry.locale === locale && entry.documentId === documentId);

	it("joins translations by documentId and keeps the category in the entry's locale", () => {
		expect(find("fr", "a")?.translations).toEqual({ en: "where" });
		expect(find("en", "a")?.translations).toEqual({ fr: "ou" });
		expect(find("fr", "b")?.translations).toEqual({});
		expect(find("en", "a")?.category).toEqual({ documentId: "cat1", slug: "account", name: "Account" });
		expect(categories.find((item) => item.locale === "fr")?.translations).toEqual({ en: "account" });
	});

	it("marks a translation older than its French source as outdated, and only that", () => {
		expect(find("en", "a")?.outdated).toBe(true);
		expect(find("fr", "a")?.outdated).toBe(false);
	});

	it("links related entries only where they exist in the same locale", () => {
		expect(find("fr", "a")?.related).toEqual([{ slug: "quand", question: "Quand ?" }]);
		expect(find("en", "a")?.related).toEqual([]);
	});

	it("renders answers sanitised, with heading ids under the entry's anchor, and falls back to the slug for anchors", () => {
		expect(find("fr", "a")?.html).toBe('<h3 id="where--détail">Détail</h3>\n<p>Roubaix </p>');
		expect(find("fr", "a")?.headings).toEqual([{ depth: 3, slug: "where--détail", text: "Détail" }]);
		expect(find("fr", "b")?.anchor).toBe("quand");
	});

	it("gives each entry one language-neutral permalink id: its anchor, else its documentId (never a locale's slug)", () => {
		expect([find("fr", "a")?.permalinkId, find("en", "a")?.permalinkId]).toEqual(["where", "where"]);
		expect(find("fr", "b")?.permalinkId).toBe("b");
	});
});

describe("rendering answers ahead, as the CMS's pages arrive", () => {
	/** Counts the renders that reach the Markdown renderer. */
	function counted(): { render: AnswerRenderer; calls: () => number } {
		let calls = 0;
		const inner = answerRenderer();
		const seen = new Set<string>();
		return {
			render: (markdown, idPrefix) => {
				const key = `${idPrefix}\n${markdown}`;
				if (!seen.has(key)) calls++;
				seen.add(key);
				return inner(markdown, idPrefix);
			},
			calls: () => calls,
		};
	}

	it("gives the same model as rendering afterwards, rendering each answer once", () => {
		const { render, calls } = counted();
		for (const { entries } of Object.values(content.locales)) renderAhead(entries, render);
		expect(calls()).toBe(3);
		expect(buildSiteModel(content, render)).toEqual(buildSiteModel(content));
		expect(calls()).toBe(3);
	});

	it("never pairs a render with another text: a changed answer is rendered again", () => {
		const render = answerRenderer();
		renderAhead([{ slug: "ou", anchor: "where", answer: "Avant." }], render);
		const changed = structuredClone(content);
		const model = buildSiteModel(changed, render);
		expect(model.entries.find((entry) => entry.locale === "fr" && entry.documentId === "a")?.html).toContain("Roubaix");
	});

	it("leaves what does not look like an entry to the validation", () => {
		const render = answerRenderer();
		expect(() => renderAhead([null, 3, { slug: 1, answer: "x" }, { slug: "s", answer: 2 }], render)).not.toThrow();
	});
});
