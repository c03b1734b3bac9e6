// The report's period: the last `days` UTC days, today included, whatever the hour.
import { describe, expect, it } from "vitest";
import { parseReportQuery } from "../src/insights/report-query.ts";

describe("the insights report's period", () => {
	it("is the last `days` days, today included, in UTC", () => {
		const lateEvening = new Date("2026-03-01T23:59:59Z");
		expect(parseReportQuery({ days: "1" }, lateEvening)).toEqual({ locale: "fr", days: 1, since: "2026-03-01" });
		expect(parseReportQuery({}, lateEvening)).toEqual({ locale: "fr", days: 30, since: "2026-01-31" });
		expect(parseReportQuery({ days: "365", locale: "en" }, new Date("2026-03-01T00:00:00Z"))).toEqual({
			locale: "en",
			days: 365,
			since: "2025-03-02",
		});
		expect(parseReportQuery({ days: "3650" }, lateEvening).since).toBe("2016-03-04");
	});
});
