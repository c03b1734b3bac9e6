import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { readSettings } from "../src/settings";

/** SQLite connections are tuned for one writer and many readers; Strapi does not do this by itself. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export default () => {
	const { database } = readSettings();
	if (database.client === "sqlite") {
		mkdirSync(dirname(database.filename), { recursive: true });
		return {
			connection: {
				client: "sqlite",
				connection: { filename: database.filename },
				useNullAsDefault: true,
				pool: {
					afterCreate(connection: SqliteConnection, done: (error: Error | null, connection: SqliteConnection) => void) {
						try {
							connection.pragma("journal_mode = WAL");
							connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
							connection.pragma("foreign_keys = ON");
							connection.pragma("synchronous = NORMAL");
							done(null, connection);
						} catch (error) {
							done(error as Error, connection);
						}
					},
				},
			},
		};
	}
	return {
		connection: {
			client: "postgres",
			connection: database.connection,
			pool: { min: 0, max: 10 },
		},
	};
};

/** The part of a better-sqlite3 connection this file uses. */
interface SqliteConnection {
	pragma(source: string): unknown;
}
