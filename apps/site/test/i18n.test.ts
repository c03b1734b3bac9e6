// Every UI string exists in every locale, and every key is used by the site.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { INSIGHT_REASONS } from "@aide/cms-contract";
import { localeCodes } from "@aide/locales";
import { describe, expect, it } from "vitest";
import { baseKey, checkStrings } from "../src/i18n/check.ts";
import { formatDate, strings, t } from "../src/i18n/index.ts";

const srcDir = fileURLToPath(new URL("../src/", import.meta.url));

function sources(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: "utf8" })
		.filter((name) => /\.(astro|ts|mdx)$/.test(name) && !name.startsWith("i18n"))
		.map((name) => readFileSync(join(dir, name), "utf8"));
}

describe("UI strings", () => {
	const reference = Object.keys(strings.fr ?? {}).sort();

	it("have a file for every locale with the same keys (plural forms per language)", () => {
		expect(Object.keys(strings).sort()).toEqual([...localeCodes].sort());
		expect(checkStrings(strings, "fr")).toEqual([]);
	});

	it("name the file and the key a locale lacks or has too many", () => {
		const ar: Record<string, string> = {
			...strings.en,
			"category.count_few": "{{count}} أسئلة",
			"category.count_two": "سؤالان",
			"nav.typo": "x",
		};
		delete ar["nav.home"];
		delete ar["category.count_other"];
		expect(checkStrings({ fr: strings.fr ?? {}, ar }, "fr")).toEqual([
			'apps/site/src/i18n/ar.json lacks the key "nav.home" that apps/site/src/i18n/fr.json has: add it, translated.',
			'apps/site/src/i18n/ar.json lacks the key "category.count_other" that apps/site/src/i18n/fr.json has: add it, translated.',
			'apps/site/src/i18n/ar.json has the key "nav.typo" that apps/site/src/i18n/fr.json does not: remove it, or add it to apps/site/src/i18n/fr.json too.',
		]);
	});

	// The feedback widget names its reasons' labels from the contract's list (components/AnswerFeedback.astro).
	const reasonKeys = INSIGHT_REASONS.map((reason) => `feedback.reason.${reason}`);

	it("are all used by the site", () => {
		const code = sources(srcDir).join("\n");
		const unused = [...new Set(reference.map(baseKey))].filter((key) => !code.includes(`"${key}"`) && !reasonKeys.includes(key));
		expect(unused).toEqual([]);
	});

	it("label every reason a reader can give for an answer that did not help", () => {
		expect(reasonKeys.filter((key) => !reference.includes(key))).toEqual([]);
		expect(reasonKeys.map((key) => t("fr", key))).toEqual(["Pas clair", "Incomplet", "Ce n'est pas ma question", "Plus à jour"]);
		expect(reasonKeys.map((key) => t("en", key))).toEqual(["Unclear", "Incomplete", "Not my question", "Out of date"]);
	});

	it("interpolate and pluralise per locale", () => {
		expect(t("fr", "category.count", { count: 1 })).toBe("1 question");
		expect(t("en", "category.count", { count: 3 })).toBe("3 questions");
		expect(t("en", "entry.untranslated", { language: "Français" })).toBe("This answer is not available in Français yet.");
	});

	it("give each set of options its own text, however many pages asked before (strings are looked up once per set)", () => {
		const counts = [1, 2, 1, 7, 2];
		expect(counts.map((count) => t("fr", "category.count", { count }))).toEqual([
			"1 question",
			"2 questions",
			"1 question",
			"7 questions",
			"2 questions",
		]);
		expect(t("fr", "entry.updated", { date: "3 janvier 2026" })).toBe("Mis à jour le 3 janvier 2026");
		// More sets than the memo keeps: it starts again, and the texts stay right.
		for (let count = 0; count < 6_000; count++)
			expect(t("en", "category.count", { count })).toBe(`${count} question${count === 1 ? "" : "s"}`);
		expect(t("en", "category.count", { count: 1 })).toBe("1 question");
		expect(t("en", "category.count")).toBe(t("en", "category.count"));
	});

	it("writes dates as each locale's readers do", () => {
		expect(formatDate("fr", "2026-11-27T10:00:00.000Z")).toBe("27 novembre 2026");
		expect(formatDate("en", "2026-11-27T10:00:00.000Z")).toBe("November 27, 2026");
		expect(formatDate("fr", "2026-01-03T10:00:00.000Z")).toBe("3 janvier 2026");
		// Asked again (written once per day): the same text for another time that day, and each day its own.
		expect(formatDate("fr", "2026-11-27T10:42:17.123Z")).toBe("27 novembre 2026");
		expect(formatDate("fr", "2026-11-28T10:00:00.000Z")).toBe("28 novembre 2026");
		expect(formatDate("en", "2026-01-03T10:00:00.000Z")).toBe("January 3, 2026");
		expect(() => formatDate("en", "not a date")).toThrow(RangeError);
	});
});
