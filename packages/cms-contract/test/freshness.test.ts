import { describe, expect, it } from "vitest";
import { isOutdatedTranslation } from "../index.js";

describe("a translation's freshness", () => {
	it("is outdated only when its source changed after it did", () => {
		expect(isOutdatedTranslation("2026-03-02T10:00:00.001Z", "2026-03-02T10:00:00.000Z")).toBe(true);
		expect(isOutdatedTranslation("2026-03-02T10:00:00.000Z", "2026-03-02T10:00:00.000Z")).toBe(false);
		expect(isOutdatedTranslation("2026-03-01T10:00:00.000Z", "2026-03-02T10:00:00.000Z")).toBe(false);
	});

	it("reads the times the CMS's database returns (Date objects) as it reads ISO strings", () => {
		expect(isOutdatedTranslation(new Date("2026-03-03T00:00:00Z"), "2026-03-02T23:59:59Z")).toBe(true);
		expect(isOutdatedTranslation("2026-03-02T00:00:00Z", new Date("2026-03-03T00:00:00Z"))).toBe(false);
	});

	it("never calls a translation outdated on a time it cannot read", () => {
		expect(isOutdatedTranslation("not a date", "2026-03-02T10:00:00Z")).toBe(false);
		expect(isOutdatedTranslation("2026-03-02T10:00:00Z", "")).toBe(false);
	});
});
