// The in-memory counts of reader events: bounded, cut into batches the CMS's record route accepts,
// and put back as they were when a send fails.
import { INSIGHT_BATCH_LIMITS, INSIGHT_COMMENTS_KEPT, type InsightBatch } from "@aide/cms-contract";
import { expect, it } from "vitest";
import { InsightAggregator } from "../src/server/insights/aggregator.ts";

const search = (query: string, results = 1) => ({ type: "search" as const, locale: "en", query, results });
const no = (documentId: string, comment: string) => ({ type: "feedback" as const, locale: "fr", documentId, helpful: false, comment });
const items = (batch: InsightBatch) => batch.searches.length + batch.feedback.length;

it("cuts a large flush into batches of at most the CMS's items and bytes", () => {
	const aggregator = new InsightAggregator(5_000);
	for (let n = 0; n < 2_500; n++) expect(aggregator.add(search(`question ${n}`))).toBe("counted");
	expect(aggregator.take(INSIGHT_BATCH_LIMITS.items).map(items)).toEqual([1_000, 1_000, 500]);
	aggregator.settle([]);

	// Comments of control characters: six bytes of JSON each.
	const long = "\u0001".repeat(500);
	for (let doc = 0; doc < 30; doc++) for (let n = 0; n < 25; n++) aggregator.add(no(`doc${doc}`, `${n}${long}`.slice(0, 500)));
	const batches = aggregator.take(INSIGHT_BATCH_LIMITS.items);
	expect(batches.length).toBeGreaterThan(1);
	for (const batch of batches) expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(INSIGHT_BATCH_LIMITS.bytes);
	expect(batches.flatMap((batch) => batch.feedback)).toHaveLength(30);
	// The latest comments, as many as the CMS keeps.
	const [first] = batches.flatMap((batch) => batch.feedback);
	expect(first?.comments.map((comment) => Number.parseInt(comment, 10))).toEqual(
		Array.from({ length: INSIGHT_COMMENTS_KEPT }, (_, n) => n + 5),
	);
	expect(first?.notHelpful).toBe(25);
});

it("holds at most its bound, counting the batch being sent; a failed send is counted again, added to what came meanwhile", () => {
	const aggregator = new InsightAggregator(10);
	for (let n = 0; n < 8; n++) aggregator.add(search(`q${n}`, 0));
	const sending = aggregator.take(1_000);
	// Meanwhile: two keys fit (q0 too: the batch being sent is apart), then the bound is reached.
	expect([aggregator.add(search("q0")), aggregator.add(search("new")), aggregator.add(search("more"))]).toEqual([
		"counted",
		"counted",
		"overflow",
	]);
	expect(aggregator.takeLost()).toBe(1);
	aggregator.settle(sending);
	expect(aggregator.units).toBe(9);
	const [batch] = aggregator.take(1_000);
	expect(batch?.searches.find((counts) => counts.query === "q0")).toMatchObject({ searches: 2, noResult: 1 });
	expect(batch?.searches).toHaveLength(9);
});

it("caps a key at the most one batch may count, without calling it lost to a full buffer", () => {
	const aggregator = new InsightAggregator(10);
	for (let n = 0; n < INSIGHT_BATCH_LIMITS.count; n++) aggregator.add(search("popular"));
	expect(aggregator.add(search("popular"))).toBe("saturated");
	expect(aggregator.add({ type: "open", locale: "en", query: "popular", path: "/en/faq/x/" })).toBe("counted");
	expect(aggregator.takeLost()).toBe(0);
	const vote = { type: "feedback" as const, locale: "fr", documentId: "doc", helpful: true };
	for (let n = 0; n < INSIGHT_BATCH_LIMITS.count; n++) aggregator.add(vote);
	expect(aggregator.add(vote)).toBe("saturated");
	expect(aggregator.takeLost()).toBe(0);
	const [batch] = aggregator.take(1_000);
	expect(batch?.searches[0]?.searches).toBe(INSIGHT_BATCH_LIMITS.count);
	expect(batch?.feedback[0]?.helpful).toBe(INSIGHT_BATCH_LIMITS.count);
});
