// The CMS's one settings module: every variable the CMS reads is read, checked and typed here, for
// config/*.ts, the bootstrap and scripts/*.mts alike, from the pieces every Aide program shares
// (@aide/config: addresses, the data folder, secrets, backups). A bad value stops the start with one
// line that names the variable and the fix. The CMS listens on CMS_HOST / CMS_PORT (HOST / PORT name
// the public site, everywhere).
//
// Secrets come from the environment first, then from `<data dir>/secrets.env`, which the launcher
// (scripts/serve.mts) fills with generated values on first start.

import { isAbsolute, join, resolve } from "node:path";
import {
	ConfigError,
	checkSecret,
	cmsAddress,
	dataDir as dataDirOf,
	dataFiles,
	demoContent,
	type Env,
	readBackups,
	readBool,
	readPort,
	readSecrets,
	readUrl,
	readWholeNumber,
	SECRET_NAMES,
	type SecretName,
	siteServiceUrl as siteServiceUrlOf,
	text,
} from "@aide/config";

export { ConfigError, SECRET_NAMES, type SecretName };

export type DatabaseSettings =
	| { client: "sqlite"; filename: string }
	| {
			client: "postgres";
			connection: {
				connectionString?: string;
				host?: string;
				port?: number;
				database?: string;
				user?: string;
				password?: string;
				ssl: boolean | { rejectUnauthorized: boolean };
				schema: string;
			};
	  };

export interface Settings {
	host: string;
	port: number;
	/** Public URL of the CMS, when it sits behind a proxy. */
	publicUrl: string | undefined;
	/**
	 * How many reverse proxies stand between clients and the CMS. The client's address is the one the
	 * outermost of them saw: that many entries from the right of X-Forwarded-For. 0: the header is ignored.
	 */
	proxyHops: number;
	dataDir: string;
	secretsFile: string;
	/** Where the CMS writes its tokens for local tools: the site build's, the import's, the draft preview's and the portal's insights token. */
	tokenFiles: { site: string; import: string; preview: string; insights: string };
	/**
	 * The site service of `npm start` (rebuilds when the CMS calls it, serves draft previews), reachable
	 * from the CMS and from editors' browsers. Never the public site.
	 */
	siteServiceUrl: string;
	database: DatabaseSettings;
	secrets: Record<SecretName, string>;
	/** Only set when configured: without it, Strapi's transfer feature stays off. */
	transferTokenSalt: string | undefined;
	firstAdmin: { email: string | undefined; password: string | undefined };
	/** Origins allowed to call the CMS from a browser, besides the CMS itself. */
	corsOrigins: string[];
	/** The content API's response cache (middlewares/content-api-cache.ts). */
	apiCache: { enabled: boolean; maxBytes: number; maxEntries: number };
	/** Where `npm run backup` writes, and the nightly backup of `npm start`: when ("HH:MM", or null for never) and how many to keep. */
	backups: { dir: string; at: string | null; keep: number };
	/** Load the demo content into an empty database (AIDE_DEMO_CONTENT, default true). */
	demoContent: boolean;
	/** How many days of reader insights (aggregates per day) the CMS keeps: AIDE_INSIGHTS_RETENTION_DAYS, default 365. */
	insightsRetentionDays: number;
}

/** Reads and checks every setting. Throws a {@link ConfigError} at the first problem. */
export function readSettings(env: Env = process.env): Settings {
	const dataDir = dataDirOf(env);
	const files = dataFiles(dataDir);
	const secrets = readSecrets(env, files.secrets, SECRET_NAMES);
	const transferTokenSalt = text(env, "TRANSFER_TOKEN_SALT");
	if (transferTokenSalt !== undefined) checkSecret("TRANSFER_TOKEN_SALT", transferTokenSalt, files.secrets);

	const database = readDatabase(env, dataDir);
	const publicUrl = readUrl(env.CMS_PUBLIC_URL, "CMS_PUBLIC_URL");
	return {
		...cmsAddress(env),
		publicUrl,
		proxyHops: readWholeNumber(env, "CMS_PROXY_HOPS", {
			fallback: publicUrl ? 1 : 0,
			max: 10,
			means: "the number of reverse proxies in front of the CMS (1 for one nginx or Caddy; 0 when clients reach it directly)",
		}),
		dataDir,
		secretsFile: files.secrets,
		tokenFiles: files.tokens,
		siteServiceUrl: siteServiceUrlOf(env),
		database,
		secrets,
		transferTokenSalt,
		firstAdmin: readFirstAdmin(env),
		corsOrigins: (text(env, "CMS_CORS_ORIGINS") ?? "")
			.split(",")
			.map((origin) => origin.trim())
			.filter(Boolean)
			.map((origin) => readUrl(origin, "CMS_CORS_ORIGINS") ?? origin),
		apiCache: {
			enabled: readBool(env, "AIDE_API_CACHE") ?? database.client === "sqlite",
			maxBytes:
				readWholeNumber(env, "AIDE_API_CACHE_MB", {
					fallback: 64,
					min: 1,
					max: 4096,
					means: "the response cache's size in megabytes (keys and bodies together)",
				}) *
				1024 *
				1024,
			maxEntries: 10_000,
		},
		backups: readBackups(env),
		demoContent: demoContent(env),
		insightsRetentionDays: readWholeNumber(env, "AIDE_INSIGHTS_RETENTION_DAYS", {
			fallback: 365,
			min: 1,
			max: 3650,
			means: "how many days of reader insights (searches, votes under answers) the CMS keeps before deleting them",
		}),
	};
}

function readDatabase(env: Env, dataDir: string): DatabaseSettings {
	const url = text(env, "DATABASE_URL");
	const client = text(env, "DATABASE_CLIENT")?.toLowerCase() ?? (url ? "postgres" : "sqlite");
	if (client === "sqlite" || client === "better-sqlite3") {
		if (url) throw new ConfigError("DATABASE_URL is set but DATABASE_CLIENT is sqlite. Remove one of the two.");
		const filename = text(env, "DATABASE_FILENAME") ?? join(dataDir, "aide.db");
		return { client: "sqlite", filename: isAbsolute(filename) ? filename : resolve(dataDir, filename) };
	}
	if (client !== "postgres" && client !== "postgresql") {
		throw new ConfigError(`DATABASE_CLIENT must be "sqlite" or "postgres", not "${client}".`);
	}
	const ssl = readBool(env, "DATABASE_SSL") ?? false;
	const sslOption = ssl ? { rejectUnauthorized: readBool(env, "DATABASE_SSL_REJECT_UNAUTHORIZED") ?? true } : false;
	const schema = text(env, "DATABASE_SCHEMA") ?? "public";
	if (url) {
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			throw new ConfigError(
				"DATABASE_URL is not a valid URL. Expected postgres://user:password@host:5432/database (percent-encode special characters in the password).",
			);
		}
		if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
			throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, not ${parsed.protocol}//.`);
		}
		if (!parsed.hostname || parsed.pathname.length <= 1) {
			throw new ConfigError("DATABASE_URL must name a host and a database: postgres://user:password@host:5432/database.");
		}
		return { client: "postgres", connection: { connectionString: url, ssl: sslOption, schema } };
	}
	return {
		client: "postgres",
		connection: {
			host: text(env, "DATABASE_HOST") ?? "127.0.0.1",
			port: readPort(env, "DATABASE_PORT", 5432),
			database: text(env, "DATABASE_NAME") ?? "aide",
			user: text(env, "DATABASE_USERNAME") ?? "aide",
			password: env.DATABASE_PASSWORD ?? "",
			ssl: sslOption,
			schema,
		},
	};
}

/** Strapi's own rule for admin passwords: 8 to 72 bytes with a lowercase letter, an uppercase letter and a digit. */
/** Passwords printed in this project's documentation (the README's example): anyone can read them. */
const PUBLISHED_EXAMPLE_PASSWORDS = ["Long-pass-2026"];

export function adminPasswordProblem(password: string): string | undefined {
	if (PUBLISHED_EXAMPLE_PASSWORDS.includes(password)) return "is the example printed in the README, which anyone can read";
	if (password.length < 8) return "is shorter than 8 characters";
	if (Buffer.byteLength(password) > 72) return "is longer than 72 bytes";
	if (!/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/\d/.test(password)) {
		return "needs a lowercase letter, an uppercase letter and a digit";
	}
	return undefined;
}

function readFirstAdmin(env: Env): Settings["firstAdmin"] {
	const email = text(env, "AIDE_ADMIN_EMAIL");
	const password = env.AIDE_ADMIN_PASSWORD || undefined;
	if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
		throw new ConfigError(`AIDE_ADMIN_EMAIL must be an email address, not "${email}".`);
	}
	if (password !== undefined) {
		if (email === undefined)
			throw new ConfigError("AIDE_ADMIN_PASSWORD is set but AIDE_ADMIN_EMAIL is not. Set both, or neither to get a generated password.");
		const problem = adminPasswordProblem(password);
		if (problem) throw new ConfigError(`AIDE_ADMIN_PASSWORD ${problem}. Choose another, or unset it to get a generated one.`);
	}
	return { email, password };
}
