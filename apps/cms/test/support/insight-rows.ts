// Writes insight aggregates straight into a test CMS's SQLite file, as the portal's batches would
// leave them (content-models/insight-*.json): the report reads them, whoever wrote them.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { RunningCms } from "@aide/testing";

const Sqlite = createRequire(import.meta.url)("better-sqlite3") as typeof import("better-sqlite3");

export interface SearchRow {
	day: string;
	language: string;
	query: string;
	searches: number;
	noResult: number;
	opened: number;
}

export interface FeedbackRow {
	day: string;
	language: string;
	answer: string;
	helpful: number;
	notHelpful: number;
	reasons?: Record<string, number>;
	comments?: string[];
}

/** The UTC day `daysAgo` days before today, as the aggregates store it. */
export function dayBefore(daysAgo: number): string {
	const now = new Date();
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo)).toISOString().slice(0, 10);
}

export function insertInsightRows(
	cms: RunningCms,
	{ searches = [], feedback = [] }: { searches?: SearchRow[]; feedback?: FeedbackRow[] },
): void {
	const db = new Sqlite(join(cms.dataDir, "aide.db"));
	try {
		db.pragma("busy_timeout = 5000");
		const now = Date.now();
		const search = db.prepare(
			"INSERT INTO insight_searches (document_id, day, language, query, searches, no_result, opened, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		);
		const vote = db.prepare(
			"INSERT INTO insight_feedbacks (document_id, day, language, answer, helpful, not_helpful, reasons, comments, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		);
		db.transaction(() => {
			for (const row of searches) {
				search.run(randomUUID(), row.day, row.language, row.query, row.searches, row.noResult, row.opened, now, now, now);
			}
			for (const row of feedback) {
				const reasons = JSON.stringify(row.reasons ?? {});
				const comments = JSON.stringify(row.comments ?? []);
				vote.run(randomUUID(), row.day, row.language, row.answer, row.helpful, row.notHelpful, reasons, comments, now, now, now);
			}
		})();
	} finally {
		db.close();
	}
}
