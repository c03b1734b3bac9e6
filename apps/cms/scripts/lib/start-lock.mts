// Several CMS processes may share one PostgreSQL database. Started at the same moment, their
// start-ups would race: Strapi's schema sync, its default tokens and i18n's default locale, then
// Aide's bootstrap (the first admin, the tokens, the editor role, the locales) would each be made
// twice. A PostgreSQL advisory lock, held on its own connection from before Strapi starts until the
// CMS is ready, makes the start-ups take turns. A process that dies lets go of it with its connection.
import { createRequire } from "node:module";
import { ConfigError, type DatabaseSettings } from "../../src/settings.ts";

/** The lock's two keys: this constant ("Aide" in ASCII) and the schema's hash, so that separate schemas do not wait for each other. */
const START_LOCK_KEY = 0x41696465;
/** A start-up that holds the lock longer than this is stuck; the waiting one gives up with a message. */
const WAIT_LIMIT_MINUTES = 10;

interface PgClient {
	on(event: "error", listener: (error: Error) => void): unknown;
	connect(): Promise<void>;
	query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
	end(): Promise<void>;
}

/**
 * Takes the start-up lock of `database` (PostgreSQL only; SQLite has one process per file) and
 * returns the function that releases it.
 */
export async function takeStartLock(database: DatabaseSettings, log: (message: string) => void): Promise<() => Promise<void>> {
	if (database.client !== "postgres") return async () => {};
	const { Client } = createRequire(import.meta.url)("pg") as { Client: new (config: object) => PgClient };
	const client = new Client({ ...database.connection, application_name: "aide-cms-start-lock" });
	// A connection lost while the lock is held (a PostgreSQL restart) only lets another start-up in
	// early: the CMS started here must not die of it, as an unhandled "error" event would make it.
	let lost: Error | undefined;
	client.on("error", (error) => {
		lost = error;
		log(`the connection holding the start-up lock was lost (${error.message}); other CMS processes may start meanwhile.`);
	});
	try {
		await client.connect();
	} catch (error) {
		throw new ConfigError(
			`Cannot connect to PostgreSQL: ${(error as Error).message}. Check DATABASE_URL (or DATABASE_HOST, DATABASE_PORT, DATABASE_NAME, DATABASE_USERNAME, DATABASE_PASSWORD) and that the server runs.`,
		);
	}
	const keys = [START_LOCK_KEY, database.connection.schema];
	// Best effort: a lock whose connection is gone is already released, and a CMS that has started must
	// not be stopped by a failure to let go of it (closing the connection releases it anyway).
	const release = async () => {
		if (lost === undefined) await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", keys).catch(() => undefined);
		await client.end().catch(() => undefined);
	};
	try {
		const first = await client.query("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", keys);
		if (first.rows[0]?.locked === true) return release;
		log("another CMS process is starting on this database; this one starts when it is ready.");
		await client.query(`SET lock_timeout = '${WAIT_LIMIT_MINUTES}min'`);
		await client.query("SELECT pg_advisory_lock($1, hashtext($2))", keys);
		return release;
	} catch (error) {
		await client.end().catch(() => {});
		if ((error as { code?: string }).code === "55P03")
			throw new ConfigError(
				`Another CMS process has been starting on this database for ${WAIT_LIMIT_MINUTES} minutes and still is. Look at that process (its start-up may be stuck), stop it, and start this one again.`,
			);
		throw error;
	}
}
