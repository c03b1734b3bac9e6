// memoryTrend and peakMemory, on real processes: one whose memory stays put, one that takes 200 MB halfway through.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { memoryTrend, peakMemory } from "../src/measure.ts";

/** Runs `script` in a Node process for `ms`, sampling its memory all along (the trend, and the peak). */
async function trendOf(script: string, ms: number) {
	const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
	try {
		// Node's own start-up is not what is measured.
		await new Promise((resolve) => setTimeout(resolve, 300));
		const roots = () => (child.pid ? [child.pid] : []);
		const trend = memoryTrend(roots, 50);
		const peak = peakMemory(roots, 50);
		await new Promise((resolve) => setTimeout(resolve, ms));
		return { ...trend.stop(), peakBytes: peak.stop() };
	} finally {
		child.kill();
		await once(child, "exit");
	}
}

describe("memoryTrend and peakMemory", () => {
	it("reads about 1 for a process whose memory stays put", async () => {
		const trend = await trendOf("setTimeout(() => {}, 10_000)", 1_000);
		expect(trend.startBytes).toBeGreaterThan(10e6);
		expect(trend.ratio).toBeGreaterThan(0.9);
		expect(trend.ratio).toBeLessThan(1.1);
	});

	it("reads the growth of a process that takes more memory in the second half", async () => {
		// 200 MB, touched so that it is resident, 600 ms in (of 1,000 ms sampled after a 300 ms start).
		const trend = await trendOf(
			"setTimeout(() => { globalThis.kept = Buffer.alloc(200e6, 1); }, 900); setTimeout(() => {}, 10_000)",
			1_000,
		);
		expect(trend.secondHalfPeakBytes - trend.firstHalfPeakBytes).toBeGreaterThan(150e6);
		expect(trend.ratio).toBeGreaterThan(1.5);
		expect(trend.peakBytes).toBeGreaterThan(trend.startBytes + 150e6);
	});
});
