import { describe, expect, it } from "vitest";
import { defaultLocale, isLocale, localeCodes, locales, textDirection } from "../index.js";

describe("locales", () => {
	it("declares French as the default and English as the second language", () => {
		expect(defaultLocale).toBe("fr");
		expect(localeCodes).toEqual(["fr", "en"]);
	});

	it("has unique two-letter codes and a name for each", () => {
		expect(new Set(localeCodes).size).toBe(localeCodes.length);
		for (const locale of locales) {
			expect(locale.code).toMatch(/^[a-z]{2}$/);
			expect(locale.name.length).toBeGreaterThan(0);
		}
	});

	it("recognises only declared codes", () => {
		expect(isLocale("en")).toBe(true);
		expect(isLocale("de")).toBe(false);
		expect(isLocale(undefined)).toBe(false);
	});

	it("derives each language's text direction from its code", () => {
		expect(locales.map((locale) => textDirection(locale.code))).toEqual(["ltr", "ltr"]);
		expect(textDirection("ar")).toBe("rtl");
		expect(textDirection("he")).toBe("rtl");
		expect(textDirection("de")).toBe("ltr");
		expect(() => textDirection("not a code")).toThrow('packages/locales/locales.json: "not a code" is not a language code.');
	});
});
