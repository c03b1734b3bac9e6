// When the nightly backup of `npm start` runs.
import { describe, expect, it } from "vitest";
import { nextRun } from "../src/backup-schedule.ts";

describe("nextRun", () => {
	it("is later today when the time has not come yet, tomorrow otherwise", () => {
		const evening = new Date(2026, 10, 27, 22, 15);
		expect(nextRun("03:00", evening)).toEqual(new Date(2026, 10, 28, 3, 0));
		expect(nextRun("23:30", evening)).toEqual(new Date(2026, 10, 27, 23, 30));
		expect(nextRun("22:15", evening)).toEqual(new Date(2026, 10, 28, 22, 15));
		expect(nextRun("00:00", new Date(2026, 11, 31, 12, 0))).toEqual(new Date(2027, 0, 1, 0, 0));
	});
});
