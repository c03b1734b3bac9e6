// How many events one client address may send: a token bucket per address, in memory. The map is
// bounded: full buckets are forgotten (a client at rest costs nothing), and past `maxClients` the
// least recently seen address goes first, so that a flood from many addresses cannot grow it.

export interface RateLimitOptions {
	/** Events an address may send at once. */
	burst: number;
	/** Events an address earns back per second. */
	perSecond: number;
	/** Addresses remembered at most. */
	maxClients: number;
	now?: () => number;
}

interface Bucket {
	tokens: number;
	at: number;
}

export class RateLimit {
	readonly #options: Required<RateLimitOptions>;
	readonly #buckets = new Map<string, Bucket>();

	constructor(options: RateLimitOptions) {
		this.#options = { now: () => performance.now(), ...options };
	}

	/** Takes one event from `client`'s bucket: 0 when it may go, else the seconds to wait (for Retry-After). */
	take(client: string): number {
		const { burst, perSecond, now } = this.#options;
		const at = now();
		const bucket = this.#buckets.get(client);
		const tokens = bucket ? Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * perSecond) : burst;
		// Re-inserted: the map's order is the order addresses were last seen.
		this.#buckets.delete(client);
		if (tokens < 1) {
			this.#buckets.set(client, { tokens, at });
			this.#forget(at);
			return Math.max(1, Math.ceil((1 - tokens) / perSecond));
		}
		this.#buckets.set(client, { tokens: tokens - 1, at });
		this.#forget(at);
		return 0;
	}

	/** Addresses remembered now (for tests). */
	get size(): number {
		return this.#buckets.size;
	}

	/**
	 * Forgets the least recently seen addresses whose bucket is full again (as if never seen: they expire),
	 * a couple per call, and past `maxClients` the least recently seen ones whatever their bucket.
	 */
	#forget(at: number): void {
		const { burst, perSecond, maxClients } = this.#options;
		let checked = 0;
		for (const [client, bucket] of this.#buckets) {
			const full = bucket.tokens + ((at - bucket.at) / 1000) * perSecond >= burst;
			if (full || this.#buckets.size > maxClients) this.#buckets.delete(client);
			else if (++checked >= 2) break;
		}
	}
}
