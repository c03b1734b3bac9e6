// Log lines anyone can cause are throttled: the first in full, then one count a minute.
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { LogThrottle } from "../src/server/log-throttle.ts";
import { refusedCallsSummary } from "../src/server/site-service.ts";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it("logs the first refused webhook call, then at most one line a minute with the count", () => {
	const lines: string[] = [];
	const refusals = new LogThrottle({ log: (line) => lines.push(line), summary: refusedCallsSummary });
	const refuse = (n: number) => {
		for (let i = 0; i < n; i++) refusals.note(() => "refused a rebuild call from 127.0.0.1: missing or wrong x-aide-webhook-secret.");
	};
	refuse(1_000);
	expect(lines).toEqual(["refused a rebuild call from 127.0.0.1: missing or wrong x-aide-webhook-secret."]);
	vi.advanceTimersByTime(30_000);
	refuse(500);
	expect(lines).toHaveLength(1);
	vi.advanceTimersByTime(30_000);
	expect(lines.slice(1)).toEqual(["refused 1499 rebuild calls without the right secret in the last minute."]);
	refuse(1);
	vi.advanceTimersByTime(60_000);
	expect(lines.slice(2)).toEqual(["refused 1 rebuild call without the right secret in the last minute."]);
	// A quiet minute ends it: the next refusal is logged in full again.
	vi.advanceTimersByTime(60_000);
	refuse(1);
	expect(lines).toHaveLength(4);
	expect(lines[3]).toMatch(/^refused a rebuild call from/);
	refusals.flush();
	expect(lines).toHaveLength(4);
});
