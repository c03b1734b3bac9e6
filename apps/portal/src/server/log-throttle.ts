// A log line that anyone on the network can cause (a refused webhook call, a failed request) must
// not let them fill the disk: the first is logged as it comes, the others are counted and summed up
// in one line per period.

export interface LogThrottleOptions {
	log: (message: string) => void;
	/** The summary line, for `count` more occurrences in the last period. */
	summary: (count: number) => string;
	periodMs?: number;
}

export class LogThrottle {
	readonly #log: (message: string) => void;
	readonly #summary: (count: number) => string;
	readonly #periodMs: number;
	#timer: NodeJS.Timeout | undefined;
	#count = 0;

	constructor({ log, summary, periodMs = 60_000 }: LogThrottleOptions) {
		this.#log = log;
		this.#summary = summary;
		this.#periodMs = periodMs;
	}

	/** Logs `message` if nothing was logged in this period; otherwise counts it for the period's summary. */
	note(message: () => string): void {
		if (this.#timer) {
			this.#count++;
			return;
		}
		this.#log(message());
		this.#startPeriod();
	}

	/** Logs what is counted so far, and stops the timer (when the server closes). */
	flush(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#report();
	}

	#startPeriod(): void {
		this.#timer = setTimeout(() => {
			// A period with nothing to report ends the throttling: the next occurrence is logged in full.
			this.#timer = undefined;
			if (this.#report()) this.#startPeriod();
		}, this.#periodMs);
		// A pending summary must not keep the process alive.
		this.#timer.unref();
	}

	#report(): boolean {
		if (this.#count === 0) return false;
		this.#log(this.#summary(this.#count));
		this.#count = 0;
		return true;
	}
}
