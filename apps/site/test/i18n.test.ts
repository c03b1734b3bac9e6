// Every UI string exists in every locale, and every key is used by the site.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { localeCodes } from "@aide/locales";
import { describe, expect, it } from "vitest";
import { formatDate, strings, t } from "../src/i18n/index.ts";

const srcDir = fileURLToPath(new URL("../src/", import.meta.url));
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

function sources(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: "utf8" })
		.filter((name) => /\.(astro|ts|mdx)$/.test(name) && !name.startsWith("i18n"))
		.map((name) => readFileSync(join(dir, name), "utf8"));
}

describe("UI strings", () => {
	const reference = Object.keys(strings.fr ?? {}).sort();

	it("have a file for every locale with exactly the same keys", () => {
		for (const code of localeCodes) {
			expect(Object.keys(strings[code] ?? {}).sort(), `apps/site/src/i18n/${code}.json`).toEqual(reference);
		}
	});

	it("are all used by the site", () => {
		const code = sources(srcDir).join("\n");
		const unused = [...new Set(reference.map(baseKey))].filter((key) => !code.includes(`"${key}"`));
		expect(unused).toEqual([]);
	});

	it("interpolate and pluralise per locale", () => {
		expect(t("fr", "category.count", { count: 1 })).toBe("1 question");
		expect(t("en", "category.count", { count: 3 })).toBe("3 questions");
		expect(t("en", "entry.untranslated", { language: "Français" })).toBe("This answer is not available in Français yet.");
	});

	it("writes dates as each locale's readers do", () => {
		expect(formatDate("fr", "2026-11-27T10:00:00.000Z")).toBe("27 novembre 2026");
		expect(formatDate("en", "2026-11-27T10:00:00.000Z")).toBe("November 27, 2026");
		expect(formatDate("fr", "2026-01-03T10:00:00.000Z")).toBe("3 janvier 2026");
	});
});
