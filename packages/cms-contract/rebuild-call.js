// The CMS's rebuild calls to the site service (apps/cms/src/bootstrap/rebuild-calls.ts sends them,
// apps/portal/src/server/site-service.ts reads them): the events, and the body, the one Strapi's
// webhooks send, `{ event, createdAt, model, uid, entry }`.

/** @type {import("./index.d.ts").REBUILD_EVENTS} */
export const REBUILD_EVENTS = Object.freeze(
	/** @type {const} */ (["entry.create", "entry.update", "entry.delete", "entry.publish", "entry.unpublish"]),
);

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** @param {unknown} value */
const text = (value) => (typeof value === "string" ? value : undefined);

/** @type {import("./index.d.ts").readRebuildCall} */
export function readRebuildCall(body) {
	const call = isRecord(body) ? body : {};
	/** @type {import("./index.d.ts").RebuildCall} */
	const read = {};
	for (const field of /** @type {const} */ (["event", "createdAt", "uid", "model"])) {
		const value = text(call[field]);
		if (value !== undefined) read[field] = value;
	}
	if (isRecord(call.entry)) {
		const { documentId, publishedAt } = call.entry;
		// Any publishedAt but null (a date, as JSON makes of one) means the entry is published.
		read.entry = { publishedAt: publishedAt == null ? null : String(publishedAt) };
		if (typeof documentId === "string") read.entry.documentId = documentId;
	}
	return read;
}

/** @type {import("./index.d.ts").isDraftSave} */
export function isDraftSave({ event, entry }) {
	return (event === "entry.create" || event === "entry.update") && entry != null && entry.publishedAt == null;
}

/** @type {import("./index.d.ts").rebuildReason} */
export function rebuildReason({ event, uid, model }) {
	return `${event ?? "unknown event"} ${uid ?? model ?? ""}`.trim();
}
