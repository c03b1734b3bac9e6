// The CMS killed with SIGKILL in the middle of a large import: after a restart the database is
// intact, every imported document is whole (both locales, draft and published) or absent, and
// running the import again finishes the job.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runImport } from "@aide/faq-import";
import { startCms } from "@aide/testing";
import { afterAll, describe, expect, it } from "vitest";

const Sqlite = createRequire(import.meta.url)("better-sqlite3") as typeof import("better-sqlite3");

const PAGES = 60;
const PER_PAGE = 10;
const work = mkdtempSync(join(tmpdir(), "aide-crash-"));
const dataDir = join(work, "data");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 60 page pairs of 10 entries each, French and English. */
function writePages(): string[] {
	const files: string[] = [];
	for (let page = 1; page <= PAGES; page++) {
		for (const locale of ["fr", "en"]) {
			mkdirSync(join(work, "pages", locale), { recursive: true });
			const entries = Array.from(
				{ length: PER_PAGE },
				(_, k) =>
					`## ${locale === "fr" ? "Question" : "Question (en)"} ${page}.${k} ? {#c${page}-${k}}\n\n${locale}: answer ${page}.${k}.\n`,
			);
			const file = join(work, "pages", locale, `page-${String(page).padStart(2, "0")}.md`);
			writeFileSync(file, `---\ntitle: ${locale} ${page}\nweight: ${page}\n---\n\n${entries.join("\n")}`);
			files.push(file);
		}
	}
	return files;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
	return groups;
}

type EntryRow = { document_id: string; locale: string; published: number; anchor: string };

/** Every entry row, straight from the database file. */
function rows(): EntryRow[] {
	const db = new Sqlite(join(dataDir, "aide.db"), { readonly: true });
	try {
		return db.prepare("SELECT document_id, locale, published_at IS NOT NULL AS published, anchor FROM faq_entries").all() as never;
	} finally {
		db.close();
	}
}

describe("a CMS killed in the middle of an import", () => {
	it("restarts intact, with whole documents only, and a second import finishes the job", async () => {
		const files = writePages();
		const cms = await startCms({ dataDir, keepData: true });
		const importing = runImport({ url: cms.url, token: cms.importToken() }, files, { publish: true }).catch((error: Error) => error);
		// Kill it once some pages are in, well before the end.
		const deadline = Date.now() + 60_000;
		while (rows().length < 4 * PER_PAGE * 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
		process.kill(cms.pid as number, "SIGKILL");
		await importing;
		await cms.stop();

		const db = new Sqlite(join(dataDir, "aide.db"));
		expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
		db.close();
		const afterCrash = rows();
		const byDocument = groupBy(afterCrash, (row) => row.document_id);
		expect(byDocument.size).toBeGreaterThan(0);
		expect(byDocument.size).toBeLessThan(PAGES * PER_PAGE);
		for (const [documentId, versions] of byDocument) {
			expect(versions.map((row) => `${row.locale}:${row.published}`).sort(), documentId).toEqual(["en:0", "en:1", "fr:0", "fr:1"]);
		}
		// Pages are imported whole (one transaction each): a page is all there, or not at all.
		const perPage = groupBy(
			[...byDocument.values()].map((versions) => versions[0]?.anchor ?? ""),
			(anchor) => anchor.split("-")[0] ?? "",
		);
		for (const [page, anchors] of perPage) expect(anchors, page).toHaveLength(PER_PAGE);

		const again = await startCms({ dataDir, keepData: true });
		try {
			const summary = await runImport({ url: again.url, token: again.importToken() }, files, { publish: true });
			expect(summary.errors).toEqual([]);
			const complete = groupBy(rows(), (row) => row.document_id);
			expect(complete.size).toBe(PAGES * PER_PAGE);
			for (const versions of complete.values()) expect(versions).toHaveLength(4);
		} finally {
			await again.stop();
		}
	});
});
