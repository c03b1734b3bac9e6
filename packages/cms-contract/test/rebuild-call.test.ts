import { describe, expect, it } from "vitest";
import { isDraftSave, REBUILD_EVENTS, readRebuildCall, rebuildReason } from "../index.js";

const ENTRY = "api::faq-entry.faq-entry";

describe("rebuild calls", () => {
	it("name the events that change the public site", () => {
		expect(REBUILD_EVENTS).toEqual(["entry.create", "entry.update", "entry.delete", "entry.publish", "entry.unpublish"]);
	});

	it("read the body Strapi's webhooks send", () => {
		const body = JSON.parse(
			JSON.stringify({
				event: "entry.publish",
				createdAt: new Date(0),
				model: "faq-entry",
				uid: ENTRY,
				entry: { id: 4, documentId: "abc", publishedAt: new Date(0), question: "?" },
			}),
		);
		expect(readRebuildCall(body)).toEqual({
			event: "entry.publish",
			createdAt: "1970-01-01T00:00:00.000Z",
			model: "faq-entry",
			uid: ENTRY,
			entry: { documentId: "abc", publishedAt: "1970-01-01T00:00:00.000Z" },
		});
	});

	it("drop what is not of the contract's types", () => {
		expect(readRebuildCall(null)).toEqual({});
		expect(readRebuildCall([1])).toEqual({});
		expect(readRebuildCall({ event: 3, uid: {}, entry: null })).toEqual({});
		expect(readRebuildCall({ entry: { documentId: 7 } })).toEqual({ entry: { publishedAt: null } });
	});

	it("tell draft saves, which readers do not see, from the rest", () => {
		expect(isDraftSave(readRebuildCall({ event: "entry.update", entry: { publishedAt: null } }))).toBe(true);
		expect(isDraftSave(readRebuildCall({ event: "entry.create", entry: {} }))).toBe(true);
		expect(isDraftSave(readRebuildCall({ event: "entry.update", entry: { publishedAt: "2026-01-01" } }))).toBe(false);
		expect(isDraftSave(readRebuildCall({ event: "entry.publish", entry: { publishedAt: null } }))).toBe(false);
		expect(isDraftSave(readRebuildCall({ event: "entry.update" }))).toBe(false);
		expect(isDraftSave({ event: "entry.update", entry: { publishedAt: new Date() } })).toBe(false);
	});

	it("say what asked for the rebuild", () => {
		expect(rebuildReason({ event: "entry.publish", uid: ENTRY, model: "faq-entry" })).toBe(`entry.publish ${ENTRY}`);
		expect(rebuildReason({ event: "entry.delete", model: "faq-entry" })).toBe("entry.delete faq-entry");
		expect(rebuildReason({})).toBe("unknown event");
	});
});
