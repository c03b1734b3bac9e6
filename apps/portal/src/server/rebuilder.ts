// Rebuilds on request, debounced and one at a time. A burst of requests (a bulk import, an editor
// publishing several translations, a webhook storm) becomes one build once it calms down, or a build
// every `maxWaitMs` while it lasts; requests during a build give exactly one more build after it.

export interface RebuildOutcome {
	ok: boolean;
	/** Why it failed, for the log. */
	error?: string;
	/** Where the time went, for the log. */
	detail?: string;
	/** A successful build's figures. */
	figures?: { pages: number; renderMs: number; indexMs: number; compressMs: number };
}

export interface RebuildReport extends RebuildOutcome {
	/** 1 for the first build. */
	number: number;
	/** What asked for it, e.g. "entry.publish api::faq-entry.faq-entry (×3)". */
	reasons: string[];
	durationMs: number;
}

export interface RebuilderOptions {
	build: () => Promise<RebuildOutcome>;
	/** Quiet time before a build starts. */
	debounceMs?: number;
	/** Longest a request waits while requests keep coming. */
	maxWaitMs?: number;
	/** Hold requests until {@link Rebuilder.resume} (while what the builds read is still starting). */
	paused?: boolean;
	onReport?: (report: RebuildReport) => void;
}

export class Rebuilder {
	readonly #build: () => Promise<RebuildOutcome>;
	readonly #debounceMs: number;
	readonly #maxWaitMs: number;
	readonly #onReport: (report: RebuildReport) => void;
	#timer: NodeJS.Timeout | undefined;
	#firstPendingAt: number | undefined;
	#reasons: string[] = [];
	#running: Promise<void> | undefined;
	#count = 0;
	#stopped = false;
	/** How many holds are on: requests wait until none is. */
	#holds: number;
	#idleWaiters: Array<() => void> = [];

	constructor({ build, debounceMs = 150, maxWaitMs = 2_000, paused = false, onReport = () => {} }: RebuilderOptions) {
		this.#holds = paused ? 1 : 0;
		this.#build = build;
		this.#debounceMs = debounceMs;
		this.#maxWaitMs = maxWaitMs;
		this.#onReport = onReport;
	}

	/** Whether a build runs now. */
	get busy(): boolean {
		return this.#running !== undefined;
	}

	/** How many requests wait for a build. */
	get waiting(): number {
		return this.#reasons.length;
	}

	/** How many builds have started. */
	get builds(): number {
		return this.#count;
	}

	/** Asks for a build; `reason` goes into its report. */
	request(reason: string): void {
		if (this.#stopped) return;
		this.#reasons.push(reason);
		this.#firstPendingAt ??= Date.now();
		if (this.#running || this.#holds > 0) return; // picked up when the running build ends, or on the last resume()
		this.#schedule();
	}

	/** Holds requests until the matching {@link Rebuilder.resume}; a running build goes on. Holds add up. */
	pause(): void {
		this.#holds++;
	}

	/** Lifts one hold; with none left, held requests go through. */
	resume(): void {
		this.#holds = Math.max(0, this.#holds - 1);
		if (this.#holds === 0 && this.#reasons.length > 0 && !this.#running && !this.#stopped) this.#schedule();
	}

	/** Resolves when no build is running or waiting. */
	idle(): Promise<void> {
		if (!this.#running && this.#reasons.length === 0) return Promise.resolve();
		return new Promise((resolve) => this.#idleWaiters.push(resolve));
	}

	/** Drops waiting requests and waits for a running build to end. */
	async stop(): Promise<void> {
		this.#stopped = true;
		clearTimeout(this.#timer);
		this.#reasons = [];
		await this.#running;
		this.#settle();
	}

	#schedule(): void {
		clearTimeout(this.#timer);
		const waited = Date.now() - (this.#firstPendingAt ?? Date.now());
		const delay = Math.max(0, Math.min(this.#debounceMs, this.#maxWaitMs - waited));
		this.#timer = setTimeout(() => {
			// Held since this was scheduled: the last resume() schedules it again.
			if (this.#holds > 0) return;
			this.#running = this.#run().finally(() => {
				this.#running = undefined;
				if (this.#reasons.length > 0 && !this.#stopped) this.#schedule();
				else this.#settle();
			});
		}, delay);
	}

	async #run(): Promise<void> {
		const reasons = this.#reasons;
		this.#reasons = [];
		this.#firstPendingAt = undefined;
		const number = ++this.#count;
		const started = performance.now();
		let outcome: RebuildOutcome;
		try {
			outcome = await this.#build();
		} catch (error) {
			outcome = { ok: false, error: (error as Error).message };
		}
		this.#onReport({ ...outcome, number, reasons: summarize(reasons), durationMs: performance.now() - started });
	}

	#settle(): void {
		for (const resolve of this.#idleWaiters.splice(0)) resolve();
	}
}

/** "a", "a", "b" -> "a (×2)", "b". */
function summarize(reasons: string[]): string[] {
	const counts = new Map<string, number>();
	for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
	return [...counts].map(([reason, count]) => (count > 1 ? `${reason} (×${count})` : reason));
}
