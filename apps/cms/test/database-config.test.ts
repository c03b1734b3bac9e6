import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import databaseConfig from "../config/database.ts";
import { SECRET_NAMES } from "../src/settings.ts";

const dirs: string[] = [];
afterEach(() => {
	vi.unstubAllEnvs();
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the SQLite connection", () => {
	it("is opened in WAL mode with a busy timeout, on every connection the pool creates", async () => {
		const dataDir = mkdtempSync(join(tmpdir(), "aide-db-"));
		dirs.push(dataDir);
		vi.stubEnv("AIDE_DATA_DIR", dataDir);
		for (const name of SECRET_NAMES) vi.stubEnv(name, `${name}-0123456789abcdef`);

		const { connection } = databaseConfig() as {
			connection: {
				client: string;
				connection: { filename: string };
				pool: { afterCreate: (db: unknown, done: (error: Error | null) => void) => void };
			};
		};
		expect(connection.client).toBe("sqlite");
		expect(connection.connection.filename).toBe(join(dataDir, "aide.db"));

		const db = new Database(connection.connection.filename);
		try {
			await new Promise<void>((resolve, reject) => connection.pool.afterCreate(db, (error) => (error ? reject(error) : resolve())));
			expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
			expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
			expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
		} finally {
			db.close();
		}
	});
});
