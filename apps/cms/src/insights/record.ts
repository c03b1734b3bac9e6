// Adds a checked batch (wire.ts) to the stored aggregates, in one transaction: either all of it counts, or
// none of it does (the portal then sends it again). Counts are added by the database itself
// (INSERT ... ON CONFLICT DO UPDATE SET n = n + ?), on the unique indexes of bootstrap/indexes.ts, so that
// two CMS processes sharing a PostgreSQL database never lose an increment nor make a second row for a day.
// Rows are written in one order (by key), so two batches touching the same rows wait for each other
// rather than deadlock.
import { randomBytes } from "node:crypto";
import {
	ENTRY_UID,
	type FeedbackIncrement,
	INSIGHT_COMMENTS_KEPT,
	INSIGHT_FEEDBACK_UID,
	INSIGHT_SEARCH_UID,
	type InsightReason,
	type SearchIncrement,
} from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";
import { json } from "./db-rows";
import type { CheckedBatch } from "./wire";

type Knex = Core.Strapi["db"]["connection"];

interface Metadata {
	tableName: string;
	attributes: Record<string, { columnName?: string }>;
}

/** The table of a content type and the column of each of its attributes. */
function tableOf(strapi: Core.Strapi, uid: string) {
	const meta = strapi.db.metadata.get(uid) as unknown as Metadata;
	return { name: meta.tableName, column: (field: string) => meta.attributes[field]?.columnName ?? field };
}

/** A documentId as Strapi makes them (24 lower-case letters and digits, a letter first), for rows made here rather than by Strapi. */
function newDocumentId(): string {
	const digits = [...randomBytes(23)].map((byte) => (byte % 36).toString(36)).join("");
	return `${String.fromCharCode(97 + ((randomBytes(1)[0] ?? 0) % 26))}${digits}`;
}

/** Increments for one key, summed: a batch may name the same day, locale and query (or answer) twice. */
function merge<T>(items: T[], key: (item: T) => string, add: (into: T, item: T) => void): T[] {
	const byKey = new Map<string, T>();
	for (const item of items) {
		const found = byKey.get(key(item));
		if (found) add(found, item);
		else byKey.set(key(item), structuredClone(item));
	}
	return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
}

const searchKey = (item: SearchIncrement) => JSON.stringify([item.day, item.locale, item.query]);
const feedbackKey = (item: FeedbackIncrement) => JSON.stringify([item.day, item.locale, item.documentId]);

function addFeedback(into: FeedbackIncrement, item: FeedbackIncrement): void {
	into.helpful += item.helpful;
	into.notHelpful += item.notHelpful;
	for (const [reason, n] of Object.entries(item.reasons) as Array<[InsightReason, number]>)
		into.reasons[reason] = (into.reasons[reason] ?? 0) + n;
	into.comments.push(...item.comments);
}

/**
 * Upserts one row: inserted with the increment as its counts, or the counts added to the row already
 * there. `counts` maps attributes to what to add.
 */
async function upsert(
	trx: Knex,
	table: ReturnType<typeof tableOf>,
	schema: string | undefined,
	key: Record<string, string>,
	counts: Record<string, number>,
): Promise<void> {
	const now = new Date();
	const columns = (record: Record<string, unknown>) =>
		Object.fromEntries(Object.entries(record).map(([field, v]) => [table.column(field), v]));
	const into = schema ? trx(table.name).withSchema(schema) : trx(table.name);
	await into
		.insert({
			...columns({ ...key, ...counts }),
			document_id: newDocumentId(),
			created_at: now,
			updated_at: now,
			// What Strapi gives a row of a type without drafts: published when made.
			published_at: now,
		})
		.onConflict(Object.keys(key).map(table.column))
		.merge({
			...Object.fromEntries(
				Object.entries(counts).map(([field, n]) => [table.column(field), trx.raw("?? + ?", [`${table.name}.${table.column(field)}`, n])]),
			),
			updated_at: now,
		});
}

/** Adds reasons and appends comments (keeping the latest {@link INSIGHT_COMMENTS_KEPT}) to a row the upsert just locked. */
async function addTexts(
	trx: Knex,
	table: ReturnType<typeof tableOf>,
	schema: string | undefined,
	key: Record<string, string>,
	item: FeedbackIncrement,
): Promise<void> {
	const rows = () => (schema ? trx(table.name).withSchema(schema) : trx(table.name)).where(columnsOf(table, key));
	const row = (await rows().first(table.column("reasons"), table.column("comments"))) as Record<string, unknown> | undefined;
	const reasons = (json(row?.[table.column("reasons")]) ?? {}) as Partial<Record<InsightReason, number>>;
	for (const [reason, n] of Object.entries(item.reasons) as Array<[InsightReason, number]>) reasons[reason] = (reasons[reason] ?? 0) + n;
	const comments = [...((json(row?.[table.column("comments")]) ?? []) as string[]), ...item.comments].slice(-INSIGHT_COMMENTS_KEPT);
	await rows().update({ [table.column("reasons")]: JSON.stringify(reasons), [table.column("comments")]: JSON.stringify(comments) });
}

function columnsOf(table: ReturnType<typeof tableOf>, record: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(record).map(([field, value]) => [table.column(field), value]));
}

/** The FAQ entries, among `documentIds`, that exist (in any locale, draft or published). */
async function existingEntries(strapi: Core.Strapi, documentIds: string[]): Promise<Set<string>> {
	if (documentIds.length === 0) return new Set();
	const rows = (await strapi.db
		.query(ENTRY_UID)
		.findMany({ where: { documentId: { $in: documentIds } }, select: ["documentId"] })) as Array<{ documentId: string }>;
	return new Set(rows.map((row) => row.documentId));
}

/**
 * Records a checked batch. Feedback on an entry that no longer exists is dropped (the page was built
 * before it was deleted); returns how many increments were dropped so.
 */
export async function recordInsights(strapi: Core.Strapi, batch: CheckedBatch): Promise<number> {
	const searches = merge(batch.searches, searchKey, (into, item) => {
		into.searches += item.searches;
		into.noResult += item.noResult;
		into.opened += item.opened;
	});
	const merged = merge(batch.feedback, feedbackKey, addFeedback);
	const entries = await existingEntries(strapi, [...new Set(merged.map((item) => item.documentId))]);
	const feedback = merged.filter((item) => entries.has(item.documentId));

	const schema = strapi.db.getSchemaName() as string | undefined;
	const searchTable = tableOf(strapi, INSIGHT_SEARCH_UID);
	const feedbackTable = tableOf(strapi, INSIGHT_FEEDBACK_UID);
	await strapi.db.transaction(async ({ trx }: { trx: Knex }) => {
		for (const item of searches) {
			const key = { day: item.day, language: item.locale, query: item.query };
			await upsert(trx, searchTable, schema, key, { searches: item.searches, noResult: item.noResult, opened: item.opened });
		}
		for (const item of feedback) {
			const key = { day: item.day, language: item.locale, answer: item.documentId };
			await upsert(trx, feedbackTable, schema, key, { helpful: item.helpful, notHelpful: item.notHelpful });
			if (Object.keys(item.reasons).length > 0 || item.comments.length > 0) await addTexts(trx, feedbackTable, schema, key, item);
		}
	});
	return merged.length - feedback.length;
}
