// The restart policy of src/supervise.ts, on small real processes (node -e) in place of the CMS; the
// portal's own tests (portal-supervision.test.ts) run it with the real CMS.
import { spawn } from "node:child_process";
import { running } from "@aide/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type Launch, type RestartPolicy, restartDelay, Supervisor } from "../src/supervise.ts";

/** A process that prints "ready" after `readyAfterMs`, then exits with `code` after `upMs` (never if undefined). */
function launcher(script: string): { launch: () => Launch; launches: number[] } {
	const launches: number[] = [];
	return {
		launches,
		launch() {
			launches.push(Date.now());
			const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"], detached: true });
			const ready = new Promise<void>((resolve, reject) => {
				child.stdout.on("data", (chunk: Buffer) => {
					if (chunk.toString().includes("ready")) resolve();
				});
				child.once("exit", () => reject(new Error("stopped before it was ready")));
			});
			return { child, ready };
		},
	};
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
		await wait(20);
	}
}

const fast: Partial<RestartPolicy> = { firstDelayMs: 200, maxDelayMs: 500, stableMs: 60_000, maxFailures: 5, killAfterMs: 2_000 };
let supervisor: Supervisor | undefined;
afterEach(async () => {
	await supervisor?.stop();
	supervisor = undefined;
});

describe("restartDelay", () => {
	it("doubles from 1 s and stops growing at 30 s", () => {
		expect([1, 2, 3, 4, 5, 6, 7, 12].map((failures) => restartDelay(failures))).toEqual([
			1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
		]);
	});
});

describe("Supervisor", () => {
	it("restarts a process that stops, with doubling pauses, logs each stop, and gives up after five short runs in a row", async () => {
		const logs: string[] = [];
		const restarted: number[] = [];
		const run = launcher(`console.log("ready"); setTimeout(() => process.exit(3), 50);`);
		supervisor = new Supervisor({
			what: "the test process",
			launch: run.launch,
			log: (message) => logs.push(message),
			onRestarted: (restarts) => restarted.push(restarts),
			policy: fast,
		});
		await supervisor.start();
		await until(() => supervisor?.gaveUp === true, "the supervisor to give up");
		expect(run.launches).toHaveLength(5);
		expect(restarted).toEqual([1, 2, 3, 4]);
		expect(logs.slice(0, 4).map((message) => message.replace(/after \d+ ms up/, "after N up"))).toEqual([
			"the test process stopped (exit 3) after N up; its output above says why. Restarting it in 200 ms (restart 1).",
			"the test process stopped (exit 3) after N up; its output above says why. Restarting it in 400 ms (restart 2).",
			"the test process stopped (exit 3) after N up; its output above says why. Restarting it in 500 ms (restart 3).",
			"the test process stopped (exit 3) after N up; its output above says why. Restarting it in 500 ms (restart 4).",
		]);
		expect(logs[4]).toMatch(
			/^the test process stopped \(exit 3\) after \d+ ms up: 5 stops in a row, each less than 60 s after a start, so it is not restarted again\. Its output above says why: fix that and run npm start again\.$/,
		);
		// The pauses between a stop and the next start: 200, 400, 500, 500 ms (each run lasts about 50 ms more, plus Node's start).
		const gaps = run.launches.slice(1).map((at, i) => at - (run.launches[i] as number));
		for (const [i, least] of [200, 400, 500, 500].entries()) expect(gaps[i]).toBeGreaterThanOrEqual(least);
		await wait(800);
		expect(run.launches).toHaveLength(5);
	});

	it("counts a restart that stops before it is ready as a failure, and says so", async () => {
		const logs: string[] = [];
		let launches = 0;
		const good = launcher(`console.log("ready"); setTimeout(() => process.exit(0), 50);`);
		const bad = launcher(`process.exit(1);`);
		supervisor = new Supervisor({
			what: "the test process",
			launch: () => (launches++ === 0 ? good.launch() : bad.launch()),
			log: (message) => logs.push(message),
			policy: { ...fast, maxFailures: 3 },
		});
		await supervisor.start();
		await until(() => supervisor?.gaveUp === true, "the supervisor to give up");
		expect(logs[1]).toBe(
			"the test process stopped (exit 1) before it was ready; its output above says why. Restarting it in 400 ms (restart 2).",
		);
		expect(logs[2]).toContain("the test process stopped (exit 1) before it was ready: 3 stops in a row");
	});

	it("starts the pauses over after a run that lasted", async () => {
		const logs: string[] = [];
		const run = launcher(`console.log("ready"); setTimeout(() => process.exit(0), 400);`);
		supervisor = new Supervisor({
			what: "the test process",
			launch: run.launch,
			log: (message) => logs.push(message),
			policy: { ...fast, stableMs: 300, maxFailures: 2 },
		});
		await supervisor.start();
		await until(() => run.launches.length >= 4, "four runs");
		expect(supervisor.gaveUp).toBe(false);
		for (const message of logs) expect(message).toContain("Restarting it in 200 ms");
	});

	it("does not retry a first start that fails: the caller reports it", async () => {
		const logs: string[] = [];
		const run = launcher(`process.exit(2);`);
		supervisor = new Supervisor({ what: "the test process", launch: run.launch, log: (message) => logs.push(message), policy: fast });
		await expect(supervisor.start()).rejects.toThrow("stopped before it was ready");
		await wait(500);
		expect(run.launches).toHaveLength(1);
		expect(logs).toEqual([]);
	});

	it("cancels a pending restart when stopped", async () => {
		const run = launcher(`console.log("ready"); setInterval(() => {}, 1000);`);
		supervisor = new Supervisor({ what: "the test process", launch: run.launch, log: () => undefined, policy: fast });
		await supervisor.start();
		const exited = new Promise((resolve) => supervisor?.child?.once("exit", resolve));
		supervisor.child?.kill("SIGKILL");
		await exited;
		await supervisor.stop();
		await wait(500);
		expect(run.launches).toHaveLength(1);
	});

	it("stops the process and what it started, and starts no other", async () => {
		// The process starts a grandchild (in its process group) and prints its pid.
		const run = launcher(`
			const { spawn } = require("node:child_process");
			const sleeper = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
			console.log("ready " + sleeper.pid);
			setInterval(() => {}, 1000);
		`);
		let grandchild = 0;
		supervisor = new Supervisor({
			what: "the test process",
			launch: () => {
				const launch = run.launch();
				launch.child.stdout?.on("data", (chunk: Buffer) => {
					grandchild = Number(/ready (\d+)/.exec(chunk.toString())?.[1] ?? grandchild);
				});
				return launch;
			},
			log: () => undefined,
			policy: fast,
		});
		await supervisor.start();
		const child = supervisor.child;
		expect(running(grandchild)).toBe(true);
		await supervisor.stop();
		expect(child?.signalCode).toBe("SIGTERM");
		await until(() => !running(grandchild), "the grandchild to stop", 5_000);
		await wait(500);
		expect(run.launches).toHaveLength(1);
	});
});
