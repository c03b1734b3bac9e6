// Secrets at rest. Backups carry none (SECURITY.md): every byte of a backup, the Strapi export
// decompressed and the PostgreSQL dump as SQL, is searched for each value of secrets.env, each token
// and the generated admin password. The data folder and the backups are the owner's only, whatever
// modes they were given. The PostgreSQL password never shows on a command line.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { createEntryDraft, publishEntry, startCms } from "@aide/testing";
import { afterAll, describe, expect, it } from "vitest";
import { findBin, startPostgres } from "./support/postgres.ts";
import { runScript } from "./support/scripts.ts";
import { filesUnder, findSecrets, secretsOf } from "./support/secret-scan.ts";

/** A CMS start and a backup (which starts a second Strapi) take minutes on a busy machine. */
const SLOW = 300_000;
const Sqlite = createRequire(import.meta.url)("better-sqlite3") as typeof import("better-sqlite3");
const work = mkdtempSync(join(tmpdir(), "aide-backup-secrets-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const generatedAdmin = { AIDE_ADMIN_EMAIL: undefined, AIDE_ADMIN_PASSWORD: undefined };
const adminPasswordIn = (dataDir: string) =>
	/password: (\S+)/.exec(readFileSync(join(dataDir, "admin-credentials.txt"), "utf8"))?.[1] ?? "";

/** Takes a backup with `npm run backup` into a new folder and returns the backup's folder. */
async function backup(env: Record<string, string | undefined>): Promise<string> {
	const backups = mkdtempSync(join(work, "backups-"));
	const result = await runScript("backup", [], { AIDE_BACKUP_DIR: backups, ...env });
	expect(result.code, result.err).toBe(0);
	return join(backups, readdirSync(backups)[0] ?? "");
}

/** Every folder and file under `dir` whose mode is not 0700 (folders) or 0600 (files), with its mode. */
function notPrivate(dir: string): string[] {
	const paths = [dir, ...readdirSync(dir, { recursive: true, encoding: "utf8" }).map((name) => join(dir, name))];
	return paths
		.map((path) => ({ path, stat: statSync(path) }))
		.filter(({ stat }) => (stat.mode & 0o777) !== (stat.isDirectory() ? 0o700 : 0o600))
		.map(({ path, stat }) => `${path} ${(stat.mode & 0o777).toString(8)}`);
}

/** Gives a folder and everything in it the modes a copy or an older version may have left: 0755 and 0644. */
function loosen(dir: string): void {
	chmodSync(dir, 0o755);
	for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
		const path = join(dir, name);
		chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
	}
}

describe("a backup of the CMS on SQLite", () => {
	const dataDir = mkdtempSync(join(work, "data-"));

	it(
		"holds none of its secrets, tokens or the generated admin password, after a publish",
		async () => {
			const cms = await startCms({ dataDir, env: generatedAdmin });
			try {
				const password = adminPasswordIn(dataDir);
				const admin = await cms.adminToken({ email: "admin@aide.localhost", password });
				const draft = await createEntryDraft(cms.url, admin, { question: "Sauvegarde ?", slug: "sauvegarde", answer: "Oui." });
				expect((await publishEntry(cms.url, admin, draft.documentId)).status).toBe(200);
				const dir = await backup({ AIDE_DATA_DIR: dataDir });
				expect(readdirSync(dir)).toContain("strapi-export.tar.gz");
				expect(findSecrets(dir, secretsOf(dataDir, { "admin password": password }))).toEqual([]);
			} finally {
				await cms.stop();
			}
		},
		SLOW,
	);

	it(
		"holds no secret once an older version's rebuild webhook, which stored it, was removed at start",
		async () => {
			const secrets = secretsOf(dataDir, { "admin password": adminPasswordIn(dataDir) });
			const db = new Sqlite(join(dataDir, "aide.db"));
			try {
				// What earlier versions of the CMS wrote on every start, and updated when a setting changed (each
				// update leaves the row's earlier bytes in free space), or an admin switched it off and on.
				db.prepare("INSERT INTO strapi_webhooks (name, url, headers, events, enabled) VALUES (?, ?, ?, ?, 1)").run(
					"Aide site rebuild",
					"http://127.0.0.1:4322/rebuild",
					JSON.stringify({ "x-aide-webhook-secret": secrets.AIDE_WEBHOOK_SECRET }),
					JSON.stringify(["entry.publish"]),
				);
				for (const port of [4323, 4324, 4325])
					db.prepare("UPDATE strapi_webhooks SET url = ?, events = ? WHERE name = ?").run(
						`http://127.0.0.1:${port}/rebuild`,
						JSON.stringify(["entry.publish", "entry.unpublish", "entry.delete", "x".repeat(port - 4300)]),
						"Aide site rebuild",
					);
			} finally {
				db.close();
			}
			const cms = await startCms({ dataDir, env: generatedAdmin });
			try {
				expect(cms.output()).toContain('Removed the webhook "Aide site rebuild", which kept the rebuild secret in the database');
				const dir = await backup({ AIDE_DATA_DIR: dataDir });
				expect(findSecrets(dir, secrets)).toEqual([]);
			} finally {
				await cms.stop();
			}
			const after = new Sqlite(join(dataDir, "aide.db"), { readonly: true });
			try {
				expect(after.prepare("SELECT count(*) AS n FROM strapi_webhooks").get()).toEqual({ n: 0 });
			} finally {
				after.close();
			}
		},
		SLOW,
	);

	it(
		"keeps the data folder (0700) and all it holds (0600) private, at every start and for what it writes later, and the backups too",
		async () => {
			writeFileSync(join(dataDir, "public", "uploads", "earlier.txt"), "an upload of an earlier version");
			loosen(dataDir);
			expect(notPrivate(dataDir)).toContain(`${join(dataDir, "aide.db")} 644`);
			const cms = await startCms({ dataDir, env: generatedAdmin });
			try {
				expect(notPrivate(dataDir)).toEqual([]);
				const admin = await cms.adminToken({ email: "admin@aide.localhost", password: adminPasswordIn(dataDir) });
				const form = new FormData();
				form.append("files", new Blob(["plain text"], { type: "text/plain" }), "note.txt");
				const upload = await fetch(`${cms.url}/upload`, { method: "POST", headers: { authorization: `Bearer ${admin}` }, body: form });
				expect(upload.status).toBe(201);
				expect(filesUnder(join(dataDir, "public", "uploads")).some((file) => file.endsWith(".txt"))).toBe(true);
				expect(notPrivate(dataDir)).toEqual([]);
				const dir = await backup({ AIDE_DATA_DIR: dataDir });
				expect(notPrivate(join(dir, ".."))).toEqual([]);
			} finally {
				await cms.stop();
			}
		},
		SLOW,
	);
});

describe("a backup of the CMS on PostgreSQL", () => {
	it(
		"holds no secret, and neither pg_dump nor pg_restore is given the database password on its command line",
		async () => {
			const postgres = await startPostgres();
			const password = decodeURIComponent(new URL(postgres.url).password);
			// pg_dump and pg_restore are the real tools, behind scripts that first write down their arguments.
			const bin = join(work, "bin");
			const argvLog = join(work, "argv.log");
			mkdirSync(bin, { recursive: true });
			for (const tool of ["pg_dump", "pg_restore"]) {
				writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${argvLog}"\nexec "${findBin(tool)}" "$@"\n`);
				chmodSync(join(bin, tool), 0o755);
			}
			const PATH = `${bin}${delimiter}${process.env.PATH}`;
			const cms = await startCms({ env: { DATABASE_URL: postgres.url, ...generatedAdmin }, keepData: true });
			try {
				const adminPassword = adminPasswordIn(cms.dataDir);
				const admin = await cms.adminToken({ email: "admin@aide.localhost", password: adminPassword });
				const draft = await createEntryDraft(cms.url, admin, { question: "Sauvegarde ?", slug: "sauvegarde", answer: "Oui." });
				expect((await publishEntry(cms.url, admin, draft.documentId)).status).toBe(200);
				const dir = await backup({ AIDE_DATA_DIR: cms.dataDir, DATABASE_URL: postgres.url, PATH });
				expect(readdirSync(dir)).toContain("database.pgdump");
				expect(findSecrets(dir, secretsOf(cms.dataDir, { "admin password": adminPassword }), findBin("pg_restore"))).toEqual([]);
				await cms.stop();

				postgres.query("CREATE DATABASE restored");
				const restored = await runScript("restore", [dir], {
					AIDE_DATA_DIR: join(work, "pg-restored"),
					DATABASE_URL: postgres.url.replace(/\/aide$/, "/restored"),
					PATH,
				});
				expect(restored.code, restored.err).toBe(0);
				const argv = readFileSync(argvLog, "utf8");
				expect(argv).toMatch(/^pg_dump .*\npg_restore .*\n$/);
				expect(argv).not.toContain(password);
			} finally {
				await cms.stop();
				rmSync(cms.dataDir, { recursive: true, force: true });
				await postgres.stop();
			}
		},
		SLOW,
	);
});
