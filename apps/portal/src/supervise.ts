// Keeps a child process running (the CMS of `npm start`). When it stops after its first start, it is
// started again after a pause that doubles with each stop in a row (1 s, 2 s, 4 s... at most 30 s) and
// starts over once a run has lasted a minute. Five stops in a row, each after a shorter run (a setting it
// refuses, a port in use, a crash at start), end the restarts with one message: what fails the same way
// every time would only fill the log. A first start that fails is not retried: the caller reports it.
//
// The child must be spawned `detached` (its own process group): stopping it then reaches what it
// started too, and Ctrl-C in a terminal reaches the caller only, which stops things in its own order.
import type { ChildProcess } from "node:child_process";

export interface RestartPolicy {
	firstDelayMs: number;
	maxDelayMs: number;
	/** A run that lasted this long (from ready to stop) was a good one: the next pause starts over. */
	stableMs: number;
	/** This many stops in a row, each after a shorter run, end the restarts. */
	maxFailures: number;
	/** How long a stop waits after SIGTERM before SIGKILL. */
	killAfterMs: number;
}

export const DEFAULT_POLICY: RestartPolicy = {
	firstDelayMs: 1_000,
	maxDelayMs: 30_000,
	stableMs: 60_000,
	maxFailures: 5,
	killAfterMs: 10_000,
};

/** The pause before the restart that follows `failures` (1 or more) short runs in a row. */
export function restartDelay(failures: number, policy: RestartPolicy = DEFAULT_POLICY): number {
	return Math.min(policy.firstDelayMs * 2 ** Math.max(0, failures - 1), policy.maxDelayMs);
}

/** One run: the process, and a promise that resolves when it is ready and rejects if it stops first. */
export interface Launch {
	child: ChildProcess;
	ready: Promise<void>;
}

export interface SupervisorOptions {
	/** How the log names it: "the CMS". */
	what: string;
	launch(): Launch;
	log(message: string): void;
	/** After a restart is ready (1 for the first restart). */
	onRestarted?(restarts: number): void;
	policy?: Partial<RestartPolicy>;
}

const duration = (ms: number) => (ms < 1_000 ? `${ms} ms` : ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

/** Sends a signal to the child's process group, or to the child alone when it has none. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// No such group (everything in it has exited): nothing is left to stop.
	}
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export class Supervisor {
	readonly #options: SupervisorOptions;
	readonly #policy: RestartPolicy;
	#child: ChildProcess | undefined;
	#timer: NodeJS.Timeout | undefined;
	#stopping = false;
	#failures = 0;
	#restarts = 0;
	#gaveUp = false;

	constructor(options: SupervisorOptions) {
		this.#options = options;
		this.#policy = { ...DEFAULT_POLICY, ...options.policy };
	}

	/** The current run's process, from its spawn on (undefined while none runs). */
	get child(): ChildProcess | undefined {
		return this.#child;
	}

	/** True once the restarts have ended (see the top of this file). */
	get gaveUp(): boolean {
		return this.#gaveUp;
	}

	/** Starts the first run and resolves when it is ready; rejects, and restarts nothing, if it stops first. */
	start(): Promise<void> {
		return this.#run(true);
	}

	#run(first: boolean): Promise<void> {
		const { child, ready } = this.#options.launch();
		this.#child = child;
		let readyAt: number | undefined;
		child.once("exit", (code, signal) => this.#exited(child, first, readyAt, signal ?? `exit ${code}`));
		return ready.then(() => {
			readyAt = Date.now();
			if (!first) this.#options.onRestarted?.(this.#restarts);
		});
	}

	#exited(child: ChildProcess, first: boolean, readyAt: number | undefined, why: string): void {
		// What it started and left behind goes with it, before another run starts.
		signalGroup(child, "SIGKILL");
		if (this.#child === child) this.#child = undefined;
		if (this.#stopping || (first && readyAt === undefined)) return;
		const { log, what } = this.#options;
		const upMs = readyAt === undefined ? undefined : Date.now() - readyAt;
		if (upMs !== undefined && upMs >= this.#policy.stableMs) this.#failures = 0;
		this.#failures++;
		const ran = upMs === undefined ? "before it was ready" : `after ${duration(upMs)} up`;
		if (this.#failures >= this.#policy.maxFailures) {
			this.#gaveUp = true;
			log(
				`${what} stopped (${why}) ${ran}: ${this.#failures} stops in a row, each less than ${duration(this.#policy.stableMs)} after a start, ` +
					"so it is not restarted again. Its output above says why: fix that and run npm start again.",
			);
			return;
		}
		const delay = restartDelay(this.#failures, this.#policy);
		this.#restarts++;
		log(`${what} stopped (${why}) ${ran}; its output above says why. Restarting it in ${duration(delay)} (restart ${this.#restarts}).`);
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			// A restart that fails before it is ready is handled by its "exit", like any other stop.
			if (!this.#stopping) this.#run(false).catch(() => undefined);
		}, delay);
	}

	/** Cancels any pending restart, stops the current run (SIGTERM, then SIGKILL) and waits for it. */
	async stop(): Promise<void> {
		this.#stopping = true;
		clearTimeout(this.#timer);
		const child = this.#child;
		if (!child || !alive(child)) return;
		const exited = new Promise((resolve) => child.once("exit", resolve));
		signalGroup(child, "SIGTERM");
		const timer = setTimeout(() => signalGroup(child, "SIGKILL"), this.#policy.killAfterMs);
		await exited;
		clearTimeout(timer);
	}

	/** The synchronous last resort for process "exit": asks the current run to stop, without waiting. */
	stopNow(): void {
		this.#stopping = true;
		clearTimeout(this.#timer);
		if (this.#child && alive(this.#child)) signalGroup(this.#child, "SIGTERM");
	}
}
