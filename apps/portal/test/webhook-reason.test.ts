// What the site service makes of a rebuild call's body, read by the contract the CMS sends it by
// (@aide/cms-contract): no server needed, the function is the whole of it.
import { ENTRY_UID, SETTINGS_UID } from "@aide/cms-contract";
import { describe, expect, it } from "vitest";
import { webhookReason } from "../src/server/site-service.ts";

describe("webhookReason", () => {
	it("rebuilds on a publish, and names the entry to write at once", () => {
		const body = { event: "entry.publish", uid: ENTRY_UID, entry: { documentId: "d1", publishedAt: "2026-12-02T00:00:00.000Z" } };
		expect(webhookReason(body)).toEqual({ rebuild: true, reason: `entry.publish ${ENTRY_UID}`, publishedEntry: "d1" });
	});

	it("rebuilds the whole site when the site settings are published (no one-entry fast path)", () => {
		const body = { event: "entry.publish", uid: SETTINGS_UID, entry: { documentId: "s1", publishedAt: "2026-12-02T00:00:00.000Z" } };
		expect(webhookReason(body)).toEqual({ rebuild: true, reason: `entry.publish ${SETTINGS_UID}`, publishedEntry: undefined });
		expect(webhookReason({ ...body, event: "entry.update", entry: { documentId: "s1", publishedAt: null } }).rebuild).toBe(false);
	});

	it("skips draft saves", () => {
		expect(webhookReason({ event: "entry.update", uid: ENTRY_UID, entry: { documentId: "d1", publishedAt: null } }).rebuild).toBe(false);
	});

	it("reads a body with fields of the wrong type as if they were absent, and still rebuilds", () => {
		expect(webhookReason({ event: "entry.update", entry: null })).toEqual({
			rebuild: true,
			reason: "entry.update",
			publishedEntry: undefined,
		});
		expect(webhookReason({ event: "entry.publish", uid: ENTRY_UID, entry: { documentId: 42 } })).toEqual({
			rebuild: true,
			reason: `entry.publish ${ENTRY_UID}`,
			publishedEntry: undefined,
		});
		expect(webhookReason("not an object")).toEqual({ rebuild: true, reason: "unknown event", publishedEntry: undefined });
	});
});
