// Reader events, counted in memory until the next flush: searches per (day UTC, locale, query as
// insightQuery keeps it), votes per (day, locale, answer). Nothing of the reader is kept, and a query
// insightQuery refuses (an e-mail address, a phone number, a long digit run) is dropped here, before
// anything holds it. The buffer is bounded: each key and each comment is one unit, at most
// `maxUnits` of them, counting the batch being sent; what does not fit is counted as lost.
import {
	type FeedbackIncrement,
	INSIGHT_BATCH_LIMITS,
	INSIGHT_COMMENTS_KEPT,
	type InsightBatch,
	type InsightEvent,
	type InsightReason,
	insightQuery,
	type SearchIncrement,
} from "@aide/cms-contract";

/** Comments the CMS keeps per answer, day and locale: older ones in one batch would be dropped there anyway. */
const MAX_COMMENTS_PER_KEY = INSIGHT_COMMENTS_KEPT;
/**
 * The most one count may be in a batch (the CMS refuses more): a key that reaches it stops counting
 * until the next flush ("saturated": that many of one thing in one flush says all there is to say).
 */
const MAX_COUNT = INSIGHT_BATCH_LIMITS.count;
/** A batch's JSON, at most, with room for its braces. */
const MAX_BATCH_BYTES = INSIGHT_BATCH_LIMITS.bytes - 1_024;

export type Added = "counted" | "dropped" | "overflow" | "saturated";

const day = (now: Date) => now.toISOString().slice(0, 10);

export class InsightAggregator {
	readonly #maxUnits: number;
	#searches = new Map<string, SearchIncrement>();
	#feedback = new Map<string, FeedbackIncrement>();
	#units = 0;
	/** Units of the batch taken for sending, still counted until it is settled. */
	#inFlight = 0;
	#lost = 0;

	constructor(maxUnits: number) {
		this.#maxUnits = maxUnits;
	}

	/**
	 * Counts `event`: "dropped" when its query may not be kept, "overflow" when the buffer is full,
	 * "saturated" when its key's count is at MAX_COUNT (not lost to a full buffer: the key is there).
	 */
	add(event: InsightEvent, now = new Date()): Added {
		if (event.type === "feedback") return this.#addFeedback(event, day(now));
		const query = insightQuery(event.query);
		if (query === undefined) return "dropped";
		const key = `${day(now)}\n${event.locale}\n${query}`;
		let counts = this.#searches.get(key);
		if (!counts) {
			if (!this.#fits(1)) return this.#overflow();
			counts = { day: day(now), locale: event.locale, query, searches: 0, noResult: 0, opened: 0 };
			this.#searches.set(key, counts);
			this.#units++;
		}
		if (event.type === "open") {
			if (counts.opened >= MAX_COUNT) return "saturated";
			counts.opened++;
		} else {
			if (counts.searches >= MAX_COUNT) return "saturated";
			counts.searches++;
			if (event.results === 0) counts.noResult++;
		}
		return "counted";
	}

	#addFeedback(event: Extract<InsightEvent, { type: "feedback" }>, today: string): Added {
		const key = `${today}\n${event.locale}\n${event.documentId}`;
		let counts = this.#feedback.get(key);
		const comment = event.helpful ? "" : (event.comment?.trim() ?? "");
		const units = (counts ? 0 : 1) + (comment && (counts?.comments.length ?? 0) < MAX_COMMENTS_PER_KEY ? 1 : 0);
		if ((counts?.helpful ?? 0) + (counts?.notHelpful ?? 0) >= MAX_COUNT) return "saturated";
		if (!this.#fits(units)) return this.#overflow();
		if (!counts) {
			counts = { day: today, locale: event.locale, documentId: event.documentId, helpful: 0, notHelpful: 0, reasons: {}, comments: [] };
			this.#feedback.set(key, counts);
		}
		this.#units += units;
		if (event.helpful) counts.helpful++;
		else {
			counts.notHelpful++;
			for (const reason of new Set<InsightReason>(event.reasons ?? [])) counts.reasons[reason] = (counts.reasons[reason] ?? 0) + 1;
			if (comment) {
				// The latest ones are kept, as the CMS keeps them.
				if (counts.comments.length >= MAX_COMMENTS_PER_KEY) counts.comments.shift();
				counts.comments.push(comment);
			}
		}
		return "counted";
	}

	#fits(units: number): boolean {
		return this.#units + this.#inFlight + units <= this.#maxUnits;
	}

	#overflow(): Added {
		this.#lost++;
		return "overflow";
	}

	/** Whether anything waits to be sent. */
	get empty(): boolean {
		return this.#searches.size === 0 && this.#feedback.size === 0;
	}

	/** Units held (counted, and being sent). */
	get units(): number {
		return this.#units + this.#inFlight;
	}

	/** Events lost to a full buffer since the last call. */
	takeLost(): number {
		const lost = this.#lost;
		this.#lost = 0;
		return lost;
	}

	/**
	 * Takes what is counted, as batches the CMS accepts (at most `maxItems` increments and
	 * INSIGHT_BATCH_LIMITS.bytes of JSON each), for sending; it stays counted against the bound until
	 * `settle` says whether it arrived.
	 */
	take(maxItems: number): InsightBatch[] {
		const items = [
			...[...this.#searches.values()].map((search) => ({ search })),
			...[...this.#feedback.values()].map((feedback) => ({ feedback })),
		];
		this.#inFlight += this.#units;
		this.#units = 0;
		this.#searches = new Map();
		this.#feedback = new Map();
		const batches: InsightBatch[] = [];
		let batch: InsightBatch = { searches: [], feedback: [] };
		let count = 0;
		let bytes = 0;
		for (const item of items) {
			const size = Buffer.byteLength(JSON.stringify("search" in item ? item.search : item.feedback)) + 1;
			if (count > 0 && (count === maxItems || bytes + size > MAX_BATCH_BYTES)) {
				batches.push(batch);
				batch = { searches: [], feedback: [] };
				count = 0;
				bytes = 0;
			}
			if ("search" in item) batch.searches.push(item.search);
			else batch.feedback.push(item.feedback);
			count++;
			bytes += size;
		}
		if (count > 0) batches.push(batch);
		return batches;
	}

	/** Ends the sending of what `take` returned: `kept` (not delivered) is counted again, merged with what came meanwhile. */
	settle(kept: readonly InsightBatch[]): void {
		this.#inFlight = 0;
		for (const batch of kept) {
			for (const search of batch.searches) this.#mergeSearch(search);
			for (const feedback of batch.feedback) this.#mergeFeedback(feedback);
		}
	}

	#mergeSearch(search: SearchIncrement): void {
		const key = `${search.day}\n${search.locale}\n${search.query}`;
		const counts = this.#searches.get(key);
		if (!counts) {
			this.#searches.set(key, search);
			this.#units++;
			return;
		}
		counts.searches = Math.min(MAX_COUNT, counts.searches + search.searches);
		counts.noResult = Math.min(counts.searches, counts.noResult + search.noResult);
		counts.opened = Math.min(MAX_COUNT, counts.opened + search.opened);
	}

	#mergeFeedback(feedback: FeedbackIncrement): void {
		const key = `${feedback.day}\n${feedback.locale}\n${feedback.documentId}`;
		const counts = this.#feedback.get(key);
		if (!counts) {
			this.#feedback.set(key, feedback);
			this.#units += 1 + feedback.comments.length;
			return;
		}
		counts.helpful = Math.min(MAX_COUNT, counts.helpful + feedback.helpful);
		counts.notHelpful = Math.min(MAX_COUNT, counts.notHelpful + feedback.notHelpful);
		for (const [reason, count] of Object.entries(feedback.reasons) as Array<[InsightReason, number]>)
			counts.reasons[reason] = Math.min(counts.notHelpful, (counts.reasons[reason] ?? 0) + count);
		// The older comments first; the latest are kept.
		const comments = [...feedback.comments, ...counts.comments];
		const dropped = Math.max(0, comments.length - MAX_COMMENTS_PER_KEY);
		this.#units += feedback.comments.length - dropped;
		counts.comments = comments.slice(dropped);
	}
}
