import { describe, expect, it } from "vitest";
import { Rebuilder, type RebuildReport } from "../src/server/rebuilder.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A build that takes `ms`, counting how many run at once. */
function slowBuild(ms: number, outcomes: Array<{ ok: boolean; error?: string }> = []) {
	const state = { started: 0, running: 0, mostAtOnce: 0 };
	const build = async () => {
		state.started++;
		state.running++;
		state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
		await sleep(ms);
		state.running--;
		return outcomes.shift() ?? { ok: true };
	};
	return { state, build };
}

describe("Rebuilder", () => {
	it("turns 100 requests in one second into one or two builds, never two at a time", async () => {
		const { state, build } = slowBuild(300);
		const reports: RebuildReport[] = [];
		const rebuilder = new Rebuilder({ build, debounceMs: 100, maxWaitMs: 2_000, onReport: (report) => reports.push(report) });
		for (let i = 0; i < 100; i++) {
			rebuilder.request("entry.publish api::faq-entry.faq-entry");
			await sleep(10);
		}
		await rebuilder.idle();
		expect(state.started).toBeGreaterThanOrEqual(1);
		expect(state.started).toBeLessThanOrEqual(2);
		expect(state.mostAtOnce).toBe(1);
		expect(reports.reduce((sum, report) => sum + Number(/×(\d+)/.exec(report.reasons.join())?.[1] ?? 1), 0)).toBe(100);
	});

	it("waits for quiet before building", async () => {
		const { state, build } = slowBuild(10);
		const rebuilder = new Rebuilder({ build, debounceMs: 200 });
		rebuilder.request("a");
		await sleep(100);
		expect(state.started).toBe(0);
		await rebuilder.idle();
		expect(state.started).toBe(1);
	});

	it("gives exactly one more build for requests that come during a build", async () => {
		const { state, build } = slowBuild(300);
		const reports: RebuildReport[] = [];
		const rebuilder = new Rebuilder({ build, debounceMs: 20, onReport: (report) => reports.push(report) });
		rebuilder.request("first");
		await sleep(100);
		expect(state.running).toBe(1);
		rebuilder.request("second");
		rebuilder.request("third");
		await rebuilder.idle();
		expect(state.started).toBe(2);
		expect(state.mostAtOnce).toBe(1);
		expect(reports.map((report) => report.reasons)).toEqual([["first"], ["second", "third"]]);
	});

	it("reports a failed build with its reason, and builds again on the next request", async () => {
		const { build } = slowBuild(10, [{ ok: false, error: "Cannot read the CMS" }, { ok: true }]);
		const reports: RebuildReport[] = [];
		const rebuilder = new Rebuilder({ build, debounceMs: 10, onReport: (report) => reports.push(report) });
		rebuilder.request("one");
		await rebuilder.idle();
		rebuilder.request("two");
		await rebuilder.idle();
		expect(reports.map(({ ok, error, number }) => ({ ok, error, number }))).toEqual([
			{ ok: false, error: "Cannot read the CMS", number: 1 },
			{ ok: true, error: undefined, number: 2 },
		]);
	});

	it("turns a build that throws into a failed report", async () => {
		const reports: RebuildReport[] = [];
		const rebuilder = new Rebuilder({
			build: () => Promise.reject(new Error("worker crashed")),
			debounceMs: 10,
			onReport: (report) => reports.push(report),
		});
		rebuilder.request("one");
		await rebuilder.idle();
		expect(reports[0]).toMatchObject({ ok: false, error: "worker crashed" });
	});

	it("holds requests while paused, then builds them together", async () => {
		const { state, build } = slowBuild(10);
		const reports: RebuildReport[] = [];
		const rebuilder = new Rebuilder({ build, debounceMs: 10, paused: true, onReport: (report) => reports.push(report) });
		rebuilder.request("entry.publish");
		rebuilder.request("entry.publish");
		await sleep(100);
		expect(state.started).toBe(0);
		rebuilder.request("start");
		rebuilder.resume();
		await rebuilder.idle();
		expect(reports.map((report) => report.reasons)).toEqual([["entry.publish (×2)", "start"]]);
	});

	it("counts holds, and holds a build that was already waiting for quiet", async () => {
		const { state, build } = slowBuild(10);
		const rebuilder = new Rebuilder({ build, debounceMs: 50 });
		rebuilder.request("waiting for quiet");
		rebuilder.pause();
		rebuilder.pause();
		await sleep(150);
		expect(state.started).toBe(0);
		rebuilder.resume();
		await sleep(150);
		expect(state.started).toBe(0);
		rebuilder.resume();
		await rebuilder.idle();
		expect(state.started).toBe(1);
	});
});
