// Backups of the CMS, and restores from them. A backup is a folder `aide-<time>` holding:
//
// - the database: SQLite's online backup API (`database.sqlite`: a consistent copy even while the
//   CMS writes, checked with PRAGMA integrity_check), or `pg_dump` for PostgreSQL (`database.pgdump`);
// - `uploads/`, the media library's files;
// - `strapi-export.tar.gz`, the content in Strapi's own export format (`strapi export`), to move
//   the content to another Strapi or another database kind (`strapi import`);
// - `manifest.json`: when, what, which versions.
//
// It is written as `.partial-aide-<time>` and renamed when complete: a backup that failed leaves no
// folder that looks like a backup. Secrets are not in backups (see SECURITY.md).
import { spawn } from "node:child_process";
import {
	chmodSync,
	copyFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import type { DatabaseSettings, Settings } from "../../src/settings.ts";
import { appDir } from "./paths.mts";
import { makeFilesPrivate, makePrivate } from "./private-modes.mts";
import { takeStartLock } from "./start-lock.mts";

const require = createRequire(import.meta.url);
type SqliteDatabase = import("better-sqlite3").Database;
const Sqlite = require("better-sqlite3") as typeof import("better-sqlite3");

export const BACKUP_PREFIX = "aide-";
const FORMAT = 1;

export class BackupError extends Error {
	override name = "BackupError";
}

export interface Manifest {
	format: number;
	createdAt: string;
	database: DatabaseSettings["client"];
	strapi: string;
	files: string[];
}

const uploadsDir = (settings: Settings) => join(settings.dataDir, "public", "uploads");
const strapiVersion = () => (require("@strapi/strapi/package.json") as { version: string }).version;

/** `2026-11-27T03:00:00.123Z` -> `aide-2026-11-27T03-00-00Z`: sortable, and valid on every file system. */
export function backupName(date: Date): string {
	return `${BACKUP_PREFIX}${date
		.toISOString()
		.replace(/\.\d+Z$/, "Z")
		.replaceAll(":", "-")}`;
}

/** Takes a backup into `backupsDir` and returns its folder. The CMS may be running and writing. */
export async function takeBackup(settings: Settings, backupsDir: string, log: (message: string) => void = () => {}): Promise<string> {
	const name = backupName(new Date());
	const final = join(backupsDir, name);
	const partial = join(backupsDir, `.partial-${name}`);
	mkdirSync(partial, { recursive: true, mode: 0o700 });
	makePrivateFolder(backupsDir);
	try {
		const files: string[] = [];
		if (settings.database.client === "sqlite") {
			log(`copying the SQLite database ${settings.database.filename} (online backup)`);
			await backupSqlite(settings.database.filename, join(partial, "database.sqlite"));
			files.push("database.sqlite");
		} else {
			log("dumping the PostgreSQL database (pg_dump)");
			await dumpPostgres(settings.database.connection, join(partial, "database.pgdump"));
			files.push("database.pgdump");
		}
		if (existsSync(uploadsDir(settings))) {
			log("copying the uploaded media");
			cpSync(uploadsDir(settings), join(partial, "uploads"), { recursive: true });
			files.push("uploads/");
		}
		log("exporting the content in Strapi's format (strapi export)");
		// The export is a Strapi start-up on the live PostgreSQL database: it takes its turn with the CMS processes' start-ups.
		const releaseStartLock = await takeStartLock(settings.database, log);
		try {
			await strapiExport(
				settings,
				join(partial, "strapi-export"),
				settings.database.client === "sqlite" ? join(partial, "database.sqlite") : undefined,
			);
		} finally {
			await releaseStartLock();
		}
		files.push("strapi-export.tar.gz");
		const manifest: Manifest = {
			format: FORMAT,
			createdAt: new Date().toISOString(),
			database: settings.database.client,
			strapi: strapiVersion(),
			files,
		};
		writeFileSync(join(partial, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
		makePrivate(partial);
		renameSync(partial, final);
		return final;
	} catch (error) {
		rmSync(partial, { recursive: true, force: true });
		throw error;
	}
}

async function backupSqlite(source: string, destination: string): Promise<void> {
	if (!existsSync(source))
		throw new BackupError(`There is no database at ${source}: start the CMS once, or check AIDE_DATA_DIR / DATABASE_FILENAME.`);
	const db = new Sqlite(source, { fileMustExist: true });
	try {
		db.pragma("busy_timeout = 5000");
		await db.backup(destination);
	} finally {
		db.close();
	}
	// The copy is one self-contained file: out of WAL mode (the CMS turns it back on when it opens it).
	const copy = new Sqlite(destination);
	try {
		copy.pragma("journal_mode = DELETE");
	} finally {
		copy.close();
	}
	assertIntact(destination);
}

/** Fails unless SQLite finds `file` intact. */
export function assertIntact(file: string): void {
	const db = new Sqlite(file, { readonly: true, fileMustExist: true });
	try {
		const result = db.pragma("integrity_check", { simple: true });
		if (result !== "ok") throw new BackupError(`The database copy ${file} is damaged (integrity_check: ${String(result)}).`);
	} finally {
		db.close();
	}
}

/** The backups folder itself: 0700, so that no one else lists or opens what it holds. */
function makePrivateFolder(dir: string): void {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	chmodSync(dir, 0o700);
}

/**
 * The PostgreSQL client tools' arguments and environment for a connection. The password goes in
 * the child's environment (PGPASSWORD), never in its arguments, which any user of the machine can
 * read (`ps`, /proc/<pid>/cmdline).
 */
export function postgresArgs(connection: Extract<DatabaseSettings, { client: "postgres" }>["connection"]): {
	args: string[];
	env: NodeJS.ProcessEnv;
} {
	if (connection.connectionString) {
		const url = new URL(connection.connectionString);
		const password = decodeURIComponent(url.password) || url.searchParams.get("password") || undefined;
		url.password = "";
		url.searchParams.delete("password");
		return { args: ["--dbname", url.toString()], env: password === undefined ? process.env : { ...process.env, PGPASSWORD: password } };
	}
	return {
		args: [
			"--host",
			connection.host ?? "127.0.0.1",
			"--port",
			String(connection.port ?? 5432),
			"--username",
			connection.user ?? "",
			"--dbname",
			connection.database ?? "",
		],
		env: { ...process.env, PGPASSWORD: connection.password ?? "" },
	};
}

/** Runs a program without blocking this process (`npm start` keeps serving meanwhile). */
function runAsync(
	command: string,
	args: string[],
	options: { env: NodeJS.ProcessEnv; cwd?: string },
): Promise<{ code: number | null; stdout: string; stderr: string; error?: Error }> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
		let stdout = "";
		let stderr = "";
		child.stdout.on("data", (chunk) => {
			stdout += chunk;
		});
		child.stderr.on("data", (chunk) => {
			stderr += chunk;
		});
		child.once("error", (error) => resolve({ code: null, stdout, stderr, error }));
		child.once("close", (code) => resolve({ code, stdout, stderr }));
	});
}

async function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<void> {
	const result = await runAsync(tool, args, { env });
	if (result.error)
		throw new BackupError(
			`${what}: cannot run ${tool} (${result.error.message}). Install the PostgreSQL client tools (Debian: apt-get install postgresql-client).`,
		);
	if (result.code !== 0) throw new BackupError(`${what}: ${tool} failed: ${result.stderr.trim()}`);
}

async function dumpPostgres(connection: Extract<DatabaseSettings, { client: "postgres" }>["connection"], file: string): Promise<void> {
	const { args, env } = postgresArgs(connection);
	await runTool("pg_dump", ["--format=custom", "--no-owner", "--file", file, ...args], env, "The database dump failed");
}

/**
 * Runs `strapi export`, which starts a second Strapi. With SQLite it reads a scratch copy of the
 * backup's own database, not the live file: its start-up writes would otherwise hold the live
 * database's write lock while editors save (a save then fails with "database is locked"), and the
 * export describes the same moment as the database copy.
 */
async function strapiExport(settings: Settings, fileBase: string, sqliteCopy?: string): Promise<void> {
	const cli = join(appDir, "node_modules", "@strapi", "strapi", "bin", "strapi.js");
	const scratch = sqliteCopy ? `${fileBase}-source.sqlite` : undefined;
	if (sqliteCopy && scratch) copyFileSync(sqliteCopy, scratch);
	try {
		const result = await runAsync(process.execPath, [cli, "export", "--no-encrypt", "--file", fileBase], {
			cwd: appDir,
			env: { ...process.env, AIDE_DATA_DIR: settings.dataDir, NODE_ENV: "production", ...(scratch ? { DATABASE_FILENAME: scratch } : {}) },
		});
		if (result.code !== 0 || !existsSync(`${fileBase}.tar.gz`))
			throw new BackupError(`Strapi's export failed: ${(result.stderr || result.stdout).trim().split("\n").slice(-5).join(" ")}`);
	} finally {
		if (scratch) for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${scratch}${suffix}`, { force: true });
	}
}

/** The backups in `backupsDir`, oldest first. */
export function listBackups(backupsDir: string): string[] {
	if (!existsSync(backupsDir)) return [];
	return readdirSync(backupsDir)
		.filter((name) => name.startsWith(BACKUP_PREFIX) && existsSync(join(backupsDir, name, "manifest.json")))
		.sort()
		.map((name) => join(backupsDir, name));
}

/** Removes all but the `keep` newest backups; returns what it removed. */
export function pruneBackups(backupsDir: string, keep: number): string[] {
	const backups = listBackups(backupsDir);
	const removed = backups.slice(0, Math.max(0, backups.length - keep));
	for (const dir of removed) rmSync(dir, { recursive: true, force: true });
	return removed;
}

export function readManifest(backupDir: string): Manifest {
	const file = join(backupDir, "manifest.json");
	if (!existsSync(file))
		throw new BackupError(
			`${backupDir} is not a backup: it has no manifest.json. Backups are the aide-<time> folders npm run backup writes.`,
		);
	const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
	if (manifest.format !== FORMAT)
		throw new BackupError(`${backupDir} is a backup of format ${manifest.format}; this version restores format ${FORMAT}.`);
	return manifest;
}

/** Resolves when nothing accepts connections at host:port. */
function isListening(host: string, port: number): Promise<boolean> {
	return new Promise((done) => {
		const socket = connect({ host, port });
		socket.once("connect", () => {
			socket.destroy();
			done(true);
		});
		socket.once("error", () => done(false));
	});
}

/** The part of pg's Client this file uses. */
interface PgClient {
	connect(): Promise<void>;
	query(sql: string, values: unknown[]): Promise<{ rows: unknown[] }>;
	end(): Promise<void>;
}

/** What the target database already holds: a count of its tables (0 for none). */
async function tablesIn(database: DatabaseSettings): Promise<number> {
	if (database.client === "sqlite") {
		if (!existsSync(database.filename) || statSync(database.filename).size === 0) return 0;
		const db: SqliteDatabase = new Sqlite(database.filename, { readonly: true, fileMustExist: true });
		try {
			return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
		} finally {
			db.close();
		}
	}
	const { Client } = require("pg") as { Client: new (config: object) => PgClient };
	const client = new Client(database.connection);
	await client.connect();
	try {
		const result = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1", [
			database.connection.schema,
		]);
		return (result.rows[0] as { n: number }).n;
	} finally {
		await client.end();
	}
}

/**
 * Restores a backup into the configured database and data folder. Refuses while the CMS runs, and
 * when the target already holds data unless `overwrite`. The next start of the CMS ensures the
 * tokens again.
 */
export async function restoreBackup(
	settings: Settings,
	backupDir: string,
	{ overwrite = false, log = () => {} }: { overwrite?: boolean; log?: (message: string) => void } = {},
): Promise<void> {
	const dir = resolve(backupDir);
	const manifest = readManifest(dir);
	if (manifest.database !== settings.database.client)
		throw new BackupError(
			`${dir} holds a ${manifest.database} database and the CMS is configured for ${settings.database.client}. To move the content across, use its strapi-export.tar.gz with \`strapi import\`.`,
		);
	if (await isListening(settings.host === "0.0.0.0" || settings.host === "::" ? "127.0.0.1" : settings.host, settings.port))
		throw new BackupError(`Something answers on ${settings.host}:${settings.port}, where the CMS listens: stop the CMS, then restore.`);
	const tables = await tablesIn(settings.database);
	if (tables > 0 && !overwrite)
		throw new BackupError(
			`The target database already holds data (${tables} tables${settings.database.client === "sqlite" ? ` in ${settings.database.filename}` : ""}). Restoring replaces all of it: run again with --overwrite if that is what you want (take a backup of it first: npm run backup).`,
		);

	// Everything is copied and checked beside the target first; only then is anything replaced.
	const uploads = uploadsDir(settings);
	const incomingUploads = `${uploads}.restoring`;
	rmSync(incomingUploads, { recursive: true, force: true });
	mkdirSync(incomingUploads, { recursive: true });
	if (existsSync(join(dir, "uploads"))) cpSync(join(dir, "uploads"), incomingUploads, { recursive: true });
	try {
		if (settings.database.client === "sqlite") {
			const target = settings.database.filename;
			const incoming = `${target}.restoring`;
			log(`restoring the SQLite database into ${target}`);
			mkdirSync(join(target, ".."), { recursive: true });
			cpSync(join(dir, "database.sqlite"), incoming);
			assertIntact(incoming);
			for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
			renameSync(incoming, target);
		} else {
			log("restoring the PostgreSQL database (pg_restore, in one transaction)");
			const { args, env } = postgresArgs(settings.database.connection);
			await runTool(
				"pg_restore",
				["--clean", "--if-exists", "--no-owner", "--single-transaction", ...args, join(dir, "database.pgdump")],
				env,
				"The restore failed",
			);
		}
	} catch (error) {
		rmSync(incomingUploads, { recursive: true, force: true });
		throw error;
	}
	log("restoring the uploaded media");
	rmSync(uploads, { recursive: true, force: true });
	renameSync(incomingUploads, uploads);
	makePrivate(settings.dataDir);
	if (settings.database.client === "sqlite") makeFilesPrivate([settings.database.filename]);
}
