import { describe, expect, it } from "vitest";
import { ensureBuild } from "../scripts/lib/build.mts";

describe("ensureBuild", () => {
	it("builds nothing when nothing changed since the last build (the test setup just built)", () => {
		const messages: string[] = [];
		ensureBuild({ log: (message) => messages.push(message) });
		expect(messages).toEqual([]);
	});
});
