/**
 * The memory behind the content API's response cache: entries kept in insertion order and dropped
 * oldest first, bounded both by their number and by their bytes, keys included (a token holder picks
 * the keys: a long unique query string per request must not grow the process).
 */

export interface StoredResponse {
	/** Encoded once: a hit writes the bytes as they are. */
	body: Buffer;
	gzipped: Buffer;
	at: number;
}

export interface StoreLimits {
	maxBytes: number;
	maxEntries: number;
}

/** Strings are UTF-16 in memory: two bytes a character is what a key may cost. */
const costOf = (key: string, entry: StoredResponse) => 2 * key.length + entry.body.length + entry.gzipped.length;

export class ResponseStore {
	readonly #entries = new Map<string, StoredResponse>();
	#bytes = 0;

	readonly limits: StoreLimits;

	constructor(limits: StoreLimits) {
		this.limits = limits;
	}

	/** What the entries cost, keys included. */
	get bytes(): number {
		return this.#bytes;
	}

	get size(): number {
		return this.#entries.size;
	}

	get(key: string): StoredResponse | undefined {
		return this.#entries.get(key);
	}

	/** Keeps an entry unless it alone would take more than a tenth of the room; then drops the oldest until all fits. */
	set(key: string, entry: StoredResponse): void {
		this.delete(key);
		const cost = costOf(key, entry);
		if (cost > this.limits.maxBytes / 10) return;
		this.#entries.set(key, entry);
		this.#bytes += cost;
		// Oldest first: a Map keeps insertion order.
		for (const [oldest, stored] of this.#entries) {
			if (this.#bytes <= this.limits.maxBytes && this.#entries.size <= this.limits.maxEntries) break;
			this.#entries.delete(oldest);
			this.#bytes -= costOf(oldest, stored);
		}
	}

	delete(key: string): void {
		const stored = this.#entries.get(key);
		if (!stored) return;
		this.#entries.delete(key);
		this.#bytes -= costOf(key, stored);
	}

	clear(): void {
		this.#entries.clear();
		this.#bytes = 0;
	}
}
