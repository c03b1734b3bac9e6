// The response cache's memory (src/middlewares/response-store.ts), measured on the V8 heap: keys a token
// holder chooses must not grow the process, however many and however long.
import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ResponseStore } from "../src/middlewares/response-store.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The heap in use once everything unreachable is collected. */
function liveHeap(): number {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}

describe("the response cache's store", () => {
	it("stays within its bytes under 20,000 unique long keys, as measured on the heap", () => {
		const maxBytes = 8 * 1024 * 1024;
		const store = new ResponseStore({ maxBytes, maxEntries: 10_000 });
		const before = liveHeap();
		for (let n = 0; n < 20_000; n++) {
			// What the cache's key is made of: the token, then a 6 KB query string never seen before (random, so
			// that V8 cannot share one string's memory between keys, as it would for repeated characters).
			const key = `Bearer site-token /api/faq-entries?filters[question][$ne]=${randomBytes(3000).toString("hex")}`;
			const body = Buffer.from(`{"data":[],"n":${n}}`);
			store.set(key, { body, gzipped: body, at: Date.now() });
		}
		const grown = liveHeap() - before;
		// Unbounded, 20,000 keys of 6 KB are 120 MB of strings.
		expect(grown, `the heap grew by ${Math.round(grown / 1024 / 1024)} MB`).toBeLessThan(2 * maxBytes);
		expect(store.bytes).toBeLessThanOrEqual(maxBytes);
		expect(store.bytes).toBeGreaterThan(maxBytes / 2);
		expect(store.size).toBeLessThan(20_000);
	});

	it("stays within its entry count, however small the entries", () => {
		const store = new ResponseStore({ maxBytes: 64 * 1024 * 1024, maxEntries: 1_000 });
		const body = Buffer.from("{}");
		for (let n = 0; n < 20_000; n++) store.set(`k${n}`, { body, gzipped: body, at: Date.now() });
		expect(store.size).toBe(1_000);
		// Oldest dropped first: the newest are the ones kept.
		expect(store.get("k19999")).toBeDefined();
		expect(store.get("k0")).toBeUndefined();
	});

	it("keeps no entry larger than a tenth of its room, and counts a replaced entry once", () => {
		const store = new ResponseStore({ maxBytes: 1000, maxEntries: 10 });
		store.set("big", { body: Buffer.alloc(200), gzipped: Buffer.alloc(0), at: 0 });
		expect(store.size).toBe(0);
		store.set("a", { body: Buffer.alloc(10), gzipped: Buffer.alloc(10), at: 0 });
		store.set("a", { body: Buffer.alloc(10), gzipped: Buffer.alloc(10), at: 0 });
		expect(store.bytes).toBe(2 + 20);
		store.clear();
		expect([store.size, store.bytes]).toEqual([0, 0]);
	});
});
