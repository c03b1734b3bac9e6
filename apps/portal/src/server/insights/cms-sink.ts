// Sends what the aggregator counted to the CMS (POST /api/aide-insights/record, the insights token),
// every `flushMs`, off the request path: a reader's request never waits for the CMS. While the CMS is
// down or refuses, the counts are kept (bounded: aggregator.ts) and sent again with a growing delay;
// a batch the CMS calls malformed (400, 413, 422) would be refused forever, so it is dropped and logged.
// The token is read from its file at each send, so that a rotation by the CMS is picked up.
import { readFileSync } from "node:fs";
import { INSIGHT_BATCH_LIMITS, INSIGHT_ROUTES, type InsightBatch } from "@aide/cms-contract";
import { LogThrottle } from "../log-throttle.ts";
import type { InsightAggregator } from "./aggregator.ts";

/** Increments per request: what the CMS's record route takes at most. */
export const MAX_BATCH_ITEMS = INSIGHT_BATCH_LIMITS.items;
/** Statuses that say the batch itself is wrong: sending it again cannot help. */
const REFUSED_FOR_GOOD = new Set([400, 413, 422]);

export interface CmsSinkOptions {
	aggregator: InsightAggregator;
	/** The CMS's URL (CMS_URL). */
	cmsUrl: string;
	/** The insights token's file (dataFiles(dir).tokens.insights). */
	tokenFile: string;
	flushMs: number;
	log: (message: string) => void;
	/** How long one send may take. */
	timeoutMs?: number;
	/** The longest wait between two tries while the CMS is away. */
	maxBackoffMs?: number;
}

export class CmsSink {
	readonly #options: CmsSinkOptions;
	readonly #failures: LogThrottle;
	readonly #lost: LogThrottle;
	#timer: NodeJS.Timeout | undefined;
	#sending: Promise<void> | undefined;
	#failuresInARow = 0;
	#closed = false;
	/** Batches that reached the CMS (for tests and the load figure). */
	delivered = 0;

	constructor(options: CmsSinkOptions) {
		this.#options = options;
		const { log } = options;
		this.#failures = new LogThrottle({
			log,
			summary: (count) =>
				`reader insights: ${count} more send${count === 1 ? "" : "s"} to the CMS failed in the last minute; the counts are kept.`,
		});
		this.#lost = new LogThrottle({
			log,
			summary: (count) =>
				`reader insights: ${count} more event${count === 1 ? "" : "s"} did not fit in the full buffer in the last minute and were dropped.`,
		});
	}

	/** Sends every `flushMs` from now on. */
	start(): void {
		this.#schedule(this.#options.flushMs);
	}

	/** Notes what the aggregator could not keep (called on each overflow: the log is throttled). */
	noteOverflow(): void {
		const lost = this.#options.aggregator.takeLost();
		for (let i = 0; i < lost; i++)
			this.#lost.note(
				() =>
					`reader insights: the buffer is full (${this.#options.aggregator.units} entries) while the CMS does not take them; new events are dropped and counted until it does.`,
			);
	}

	/** Stops the timer and sends once more, for at most `timeoutMs`. */
	async close(timeoutMs = 3_000): Promise<void> {
		this.#closed = true;
		clearTimeout(this.#timer);
		const last = (async () => {
			await this.#sending;
			await this.flush(timeoutMs);
		})();
		await Promise.race([last, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
		this.#failures.flush();
		this.#lost.flush();
	}

	/** Sends what is counted now; resolves once it is settled (sent, kept, or dropped). */
	async flush(timeoutMs = this.#options.timeoutMs ?? 5_000): Promise<void> {
		if (this.#sending) return this.#sending;
		const { aggregator } = this.#options;
		if (aggregator.empty) return;
		this.#sending = (async () => {
			const kept: InsightBatch[] = [];
			try {
				for (const batch of aggregator.take(MAX_BATCH_ITEMS)) {
					// After one failure the CMS is away: the rest is kept without trying.
					if (kept.length > 0 || !(await this.#send(batch, timeoutMs))) kept.push(batch);
				}
			} finally {
				aggregator.settle(kept);
				this.#failuresInARow = kept.length > 0 ? this.#failuresInARow + 1 : 0;
				this.#sending = undefined;
			}
		})();
		return this.#sending;
	}

	/** true when the batch is settled (delivered, or refused for good); false to keep it. */
	async #send(batch: InsightBatch, timeoutMs: number): Promise<boolean> {
		const { cmsUrl, tokenFile } = this.#options;
		const url = `${cmsUrl}/api${INSIGHT_ROUTES.record}`;
		let token: string;
		try {
			token = readFileSync(tokenFile, "utf8").trim();
		} catch (error) {
			this.#failures.note(
				() => `reader insights: cannot read the insights token from ${tokenFile} (${(error as Error).message}); the counts are kept.`,
			);
			return false;
		}
		try {
			const response = await fetch(url, {
				method: "POST",
				headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
				body: JSON.stringify(batch),
				signal: AbortSignal.timeout(timeoutMs),
			});
			const detail = response.ok ? "" : (await response.text()).trim().slice(0, 300);
			if (response.ok) {
				this.delivered++;
				return true;
			}
			if (REFUSED_FOR_GOOD.has(response.status)) {
				this.#options.log(
					`reader insights: the CMS refused a batch of ${batch.searches.length + batch.feedback.length} counts (${response.status}: ${detail}); it is dropped, since sending it again cannot help.`,
				);
				return true;
			}
			this.#failures.note(
				() => `reader insights: the CMS answered ${response.status} at ${url} (${detail}); the counts are kept and sent again.`,
			);
			return false;
		} catch (error) {
			this.#failures.note(
				() => `reader insights: cannot reach the CMS at ${url} (${(error as Error).message}); the counts are kept and sent again.`,
			);
			return false;
		}
	}

	#schedule(delayMs: number): void {
		if (this.#closed) return;
		this.#timer = setTimeout(async () => {
			// flush() settles every failure itself; this is for a bug of ours, which must not stop the portal.
			await this.flush().catch((error: unknown) => this.#failures.note(() => `reader insights: the send failed: ${String(error)}`));
			const { flushMs, maxBackoffMs = Math.max(60_000, flushMs) } = this.#options;
			// 1, 2, 4... flush periods after failures in a row, up to maxBackoffMs.
			this.#schedule(Math.min(maxBackoffMs, flushMs * 2 ** Math.min(this.#failuresInARow, 16)));
		}, delayMs);
		// Pending counts must not keep the process alive: close() sends them.
		this.#timer.unref();
	}
}
