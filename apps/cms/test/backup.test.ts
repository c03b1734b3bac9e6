// `npm run backup` / `npm run restore` against a real CMS: a backup taken while an editor keeps
// publishing restores, into a fresh data folder, to an equal CMS; restores refuse to overwrite.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runImport } from "@aide/faq-import";
import { createEntryDraft, publishEntry, type RunningCms, request, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres } from "./support/postgres.ts";
import { runScript } from "./support/scripts.ts";

const work = mkdtempSync(join(tmpdir(), "aide-backup-"));
const backups = join(work, "backups");
const restored = join(work, "restored");
let cms: RunningCms;

/** Runs one of the CMS's scripts as `npm run backup` / `restore` do, writing backups into this test's folder. */
const script = (name: "backup" | "restore", args: string[], env: Record<string, string>) =>
	runScript(name, args, { AIDE_BACKUP_DIR: backups, ...env });

/** Writes one import page pair (French and English, two entries each) for the editor to publish. */
function writePage(n: number): string[] {
	return (["fr", "en"] as const).map((locale) => {
		mkdirSync(join(work, "pages", locale), { recursive: true });
		const file = join(work, "pages", locale, `page-${n}.md`);
		const entries = [1, 2].map(
			(k) => `## ${locale === "fr" ? "Question" : "Question (en)"} ${n}.${k} ? {#p${n}-${k}}\n\n${locale} answer ${n}.${k}.\n`,
		);
		writeFileSync(file, `---\ntitle: ${locale === "fr" ? "Rubrique" : "Section"} ${n}\nweight: ${n}\n---\n\n${entries.join("\n")}`);
		return file;
	});
}

type Row = { documentId: string; locale: string; question: string; answer: string; anchor: string; published: boolean };

/** Every entry in every locale, drafts included, with its published state. */
async function contentOf(target: RunningCms): Promise<Row[]> {
	const preview = readFileSync(join(target.dataDir, "preview-token"), "utf8").trim();
	const read = async (locale: string, status: string, token: string) => {
		const response = await request(`${target.url}/api/faq-entries?locale=${locale}&status=${status}&pagination[pageSize]=250`, { token });
		expect(response.status).toBe(200);
		return response.body.data as Array<Omit<Row, "published" | "locale">>;
	};
	const rows: Row[] = [];
	for (const locale of ["fr", "en"]) {
		const published = new Set((await read(locale, "published", target.siteToken())).map((entry) => entry.documentId));
		for (const { documentId, question, answer, anchor } of await read(locale, "draft", preview))
			rows.push({ documentId, locale, question, answer, anchor, published: published.has(documentId) });
	}
	return rows.sort((a, b) => `${a.anchor}/${a.locale}`.localeCompare(`${b.anchor}/${b.locale}`));
}

beforeAll(async () => {
	cms = await startCms({ keepData: true });
});
afterAll(async () => {
	await cms?.stop();
	rmSync(cms?.dataDir ?? "", { recursive: true, force: true });
	rmSync(work, { recursive: true, force: true });
});

describe("a backup taken while an editor publishes", () => {
	let backupDir = "";
	let before: Row[] = [];
	let published = 0;

	it("is written while the CMS runs and is written to", async () => {
		const target = { url: cms.url, token: cms.importToken() };
		const summary = await runImport(target, writePage(0), { publish: true });
		expect(summary.errors).toEqual([]);
		const admin = await cms.adminToken();
		const draft = await createEntryDraft(cms.url, admin, { question: "Brouillon ?", slug: "brouillon", answer: "Pas encore publié." });
		expect(draft.status).toBe(201);
		const frOnly = await createEntryDraft(cms.url, admin, { question: "Publiée ?", slug: "publiee", answer: "Oui." });
		expect((await publishEntry(cms.url, admin, frOnly.documentId)).status).toBe(200);
		before = await contentOf(cms);
		expect(before).toHaveLength(6);

		// The editor publishes page after page, each in one transaction, for as long as the backup runs.
		let writing = true;
		const editor = (async () => {
			for (let n = 1; writing; n++) {
				const result = await runImport(target, writePage(n), { publish: true });
				expect(result.errors).toEqual([]);
				published = n;
			}
		})();
		await new Promise((resolve) => setTimeout(resolve, 500));
		const backup = await script("backup", [], { AIDE_DATA_DIR: cms.dataDir });
		writing = false;
		await editor;
		expect(backup.code, backup.err).toBe(0);
		const [name] = readdirSync(backups);
		backupDir = join(backups, name ?? "");
		expect(backup.out).toContain(`aide: backup written to ${backupDir}`);
		expect(readdirSync(backupDir).sort()).toEqual(["database.sqlite", "manifest.json", "strapi-export.tar.gz", "uploads"]);
		expect(JSON.parse(readFileSync(join(backupDir, "manifest.json"), "utf8"))).toMatchObject({
			format: 1,
			database: "sqlite",
			strapi: "5.54.0",
		});
		expect(published).toBeGreaterThan(0);
	});

	it("restores into a fresh data folder to an equal CMS: every document, locale and published state", async () => {
		const result = await script("restore", [backupDir], { AIDE_DATA_DIR: restored });
		expect(result.code, result.err).toBe(0);
		const again = await startCms({ dataDir: restored, keepData: true });
		try {
			const after = await contentOf(again);
			// Before the backup: all of it. Written during it: whole pages (fr and en, both entries), in order, none missing.
			const old = new Set(before.map((row) => `${row.documentId}/${row.locale}`));
			expect(after.filter((row) => old.has(`${row.documentId}/${row.locale}`))).toEqual(before);
			const during = after.filter((row) => !old.has(`${row.documentId}/${row.locale}`));
			const pages = [...new Set(during.map((row) => Number(/^p(\d+)-/.exec(row.anchor)?.[1])))].sort((a, b) => a - b);
			expect(pages).toEqual(Array.from({ length: pages.length }, (_, index) => index + 1));
			expect(during).toHaveLength(pages.length * 4);
			expect(during.every((row) => row.published && row.answer === `${row.locale} answer ${row.anchor.slice(1).replace("-", ".")}.`)).toBe(
				true,
			);
			expect(pages.length).toBeLessThanOrEqual(published);
			// The site token works (it read the above); no webhook keeps the rebuild secret (the CMS makes that call itself).
			const admin = await again.adminToken();
			const webhooks = await request(`${again.url}/admin/webhooks`, { token: admin });
			expect(webhooks.body.data).toEqual([]);
		} finally {
			await again.stop();
		}
	});

	it("refuses to restore over data, saying how to do it anyway", async () => {
		const refused = await script("restore", [backupDir], { AIDE_DATA_DIR: restored });
		expect(refused.code).toBe(1);
		expect(refused.err).toContain("aide: nothing was restored. The target database already holds data (");
		expect(refused.err).toContain("run again with --overwrite if that is what you want");
		const forced = await script("restore", [backupDir, "--overwrite"], { AIDE_DATA_DIR: restored });
		expect(forced.code, forced.err).toBe(0);
	});

	it("refuses while the CMS runs, and what is not a backup", async () => {
		// The CMS listens on CMS_PORT, under `npm run cms` and `npm start` alike.
		const running = await script("restore", [backupDir, "--overwrite"], { AIDE_DATA_DIR: cms.dataDir, CMS_PORT: new URL(cms.url).port });
		expect(running.code).toBe(1);
		expect(running.err).toContain(
			`Something answers on 127.0.0.1:${new URL(cms.url).port}, where the CMS listens: stop the CMS, then restore.`,
		);
		const notBackup = await script("restore", [work], { AIDE_DATA_DIR: join(work, "empty") });
		expect(notBackup.code).toBe(1);
		expect(notBackup.err).toContain(`${work} is not a backup: it has no manifest.json.`);
		expect(existsSync(join(work, "empty", "aide.db"))).toBe(false);
	});
});

describe("with PostgreSQL", () => {
	it("backs up with pg_dump and restores into another database, equal", async () => {
		const postgres = await startPostgres();
		const source = await startCms({ env: { DATABASE_URL: postgres.url }, keepData: true });
		const pgBackups = join(work, "pg-backups");
		try {
			const imported = await runImport({ url: source.url, token: source.importToken() }, writePage(100), { publish: true });
			expect(imported.errors).toEqual([]);
			const before = await contentOf(source);
			expect(before).toHaveLength(4);
			const backup = await script("backup", [], { AIDE_DATA_DIR: source.dataDir, DATABASE_URL: postgres.url, AIDE_BACKUP_DIR: pgBackups });
			expect(backup.code, backup.err).toBe(0);
			const dir = join(pgBackups, readdirSync(pgBackups)[0] ?? "");
			expect(readdirSync(dir)).toContain("database.pgdump");
			await source.stop();

			postgres.query("CREATE DATABASE restored");
			const target = postgres.url.replace(/\/aide$/, "/restored");
			const dataDir = join(work, "pg-restored");
			const restoredPg = await script("restore", [dir], { AIDE_DATA_DIR: dataDir, DATABASE_URL: target });
			expect(restoredPg.code, restoredPg.err).toBe(0);
			const refused = await script("restore", [dir], { AIDE_DATA_DIR: dataDir, DATABASE_URL: target });
			expect(refused.err).toContain("The target database already holds data (");
			const again = await startCms({ env: { DATABASE_URL: target }, dataDir, keepData: true });
			try {
				expect(await contentOf(again)).toEqual(before);
			} finally {
				await again.stop();
			}
		} finally {
			await source.stop();
			rmSync(source.dataDir, { recursive: true, force: true });
			await postgres.stop();
		}
	}, 300_000);
});
