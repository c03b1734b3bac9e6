// The CMS's one environment module: every variable the CMS reads is read, checked and typed here,
// for config/*.ts, the bootstrap and scripts/serve.mts alike. A bad value stops the start with one
// line that names the variable and the fix.
//
// Secrets come from the environment first, then from `<data dir>/secrets.env`, which the launcher
// (scripts/serve.mts) fills with generated values on first start.

import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { parseEnv } from "node:util";

/** A wrong or missing setting. Its message is meant for the person starting the CMS, as is. */
export class ConfigError extends Error {
	override name = "ConfigError";
}

export const SECRET_NAMES = [
	"APP_KEYS",
	"ADMIN_JWT_SECRET",
	"API_TOKEN_SALT",
	"JWT_SECRET",
	"ENCRYPTION_KEY",
	// Shared with the site service (`npm start`): the CMS sends the first with each rebuild call, preview links are signed with the second.
	"AIDE_WEBHOOK_SECRET",
	"AIDE_PREVIEW_SECRET",
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Values copied from Strapi's templates and tutorials; a CMS started with one is open to anyone who read them. */
const PLACEHOLDERS = /^(tobemodified\d*|changeme|change-me|secret|placeholder|example|xxx+)$/i;
const MIN_SECRET_LENGTH = 16;

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
	/** Where the CMS writes its tokens for local tools: the site build's, the import's and the draft preview's. */
	tokenFiles: { site: string; import: string; preview: string };
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
}

type Env = Record<string, string | undefined>;

/** Where local data lives: the SQLite file, generated secrets, the first admin's password and the site token. */
export function dataDirFrom(env: Env, appDir: string): string {
	const dir = env.AIDE_DATA_DIR?.trim();
	if (!dir) return join(appDir, ".data");
	return isAbsolute(dir) ? dir : resolve(appDir, dir);
}

/** The file generated secrets are kept in. */
export function secretsFileIn(dataDir: string): string {
	return join(dataDir, "secrets.env");
}

/** Reads and checks every setting. Throws a {@link ConfigError} at the first problem. */
export function readSettings(env: Env = process.env, appDir: string = process.cwd()): Settings {
	const dataDir = dataDirFrom(env, appDir);
	const secretsFile = secretsFileIn(dataDir);
	const stored = existsSync(secretsFile) ? parseEnv(readFileSync(secretsFile, "utf8")) : {};
	const value = (name: string) => nonEmpty(env[name]) ?? nonEmpty(stored[name]);

	const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, checkSecret(name, value(name), secretsFile)])) as Record<
		SecretName,
		string
	>;
	const transferTokenSalt = nonEmpty(env.TRANSFER_TOKEN_SALT);
	if (transferTokenSalt !== undefined) checkSecret("TRANSFER_TOKEN_SALT", transferTokenSalt, secretsFile);

	const database = readDatabase(env, dataDir);
	const publicUrl = readUrl(env.CMS_PUBLIC_URL, "CMS_PUBLIC_URL");
	return {
		host: nonEmpty(env.HOST) ?? "127.0.0.1",
		port: readPort(env.PORT, "PORT", 1337),
		publicUrl,
		proxyHops: readWholeNumber(env.CMS_PROXY_HOPS, "CMS_PROXY_HOPS", {
			fallback: publicUrl ? 1 : 0,
			max: 10,
			means: "the number of reverse proxies in front of the CMS (1 for one nginx or Caddy; 0 when clients reach it directly)",
		}),
		dataDir,
		secretsFile,
		tokenFiles: { site: join(dataDir, "site-token"), import: join(dataDir, "import-token"), preview: join(dataDir, "preview-token") },
		siteServiceUrl: readUrl(env.AIDE_SITE_SERVICE_URL, "AIDE_SITE_SERVICE_URL") ?? "http://127.0.0.1:4322",
		database,
		secrets,
		transferTokenSalt,
		firstAdmin: readFirstAdmin(env),
		corsOrigins: (nonEmpty(env.CMS_CORS_ORIGINS) ?? "")
			.split(",")
			.map((origin) => origin.trim())
			.filter(Boolean)
			.map((origin) => readUrl(origin, "CMS_CORS_ORIGINS") ?? origin),
		apiCache: {
			enabled: readBool(env.AIDE_API_CACHE, "AIDE_API_CACHE") ?? database.client === "sqlite",
			maxBytes:
				readWholeNumber(env.AIDE_API_CACHE_MB, "AIDE_API_CACHE_MB", {
					fallback: 64,
					min: 1,
					max: 4096,
					means: "the response cache's size in megabytes (keys and bodies together)",
				}) *
				1024 *
				1024,
			maxEntries: 10_000,
		},
		backups: readBackups(env, appDir),
	};
}

function readBackups(env: Env, appDir: string): Settings["backups"] {
	const dir = nonEmpty(env.AIDE_BACKUP_DIR) ?? ".backups";
	const at = nonEmpty(env.AIDE_BACKUP_AT)?.toLowerCase() ?? "03:00";
	if (at !== "off" && !/^([01]\d|2[0-3]):[0-5]\d$/.test(at))
		throw new ConfigError(`AIDE_BACKUP_AT must be a time of day on the 24-hour clock, such as 03:00, or off; not "${env.AIDE_BACKUP_AT}".`);
	const keepRaw = nonEmpty(env.AIDE_BACKUP_KEEP) ?? "7";
	const keep = Number(keepRaw);
	if (!Number.isInteger(keep) || keep < 1)
		throw new ConfigError(`AIDE_BACKUP_KEEP must be a whole number of backups, at least 1; not "${keepRaw}".`);
	return { dir: isAbsolute(dir) ? dir : resolve(appDir, dir), at: at === "off" ? null : at, keep };
}

function nonEmpty(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

function checkSecret(name: string, value: string | undefined, secretsFile: string): string {
	const fix = `Remove it from the environment and from ${secretsFile} so that \`npm run cms\` generates a new one, or set a random value of at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`).`;
	if (value === undefined) {
		throw new ConfigError(
			`${name} is not set. Start the CMS with \`npm run cms\` once to generate it into ${secretsFile}, or set it in the environment.`,
		);
	}
	for (const part of name === "APP_KEYS" ? value.split(",") : [value]) {
		if (PLACEHOLDERS.test(part.trim()))
			throw new ConfigError(`${name} holds the placeholder "${part.trim()}", which anyone can guess. ${fix}`);
		if (part.trim().length < MIN_SECRET_LENGTH)
			throw new ConfigError(`${name} is too short to be secret (${part.trim().length} characters). ${fix}`);
	}
	return value;
}

function readPort(raw: string | undefined, name: string, fallback: number): number {
	const value = nonEmpty(raw);
	if (value === undefined) return fallback;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new ConfigError(`${name} must be a port number from 1 to 65535, not "${value}".`);
	}
	return port;
}

function readWholeNumber(
	raw: string | undefined,
	name: string,
	{ fallback, min = 0, max, means }: { fallback: number; min?: number; max: number; means: string },
): number {
	const value = nonEmpty(raw);
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!/^\d+$/.test(value) || number < min || number > max)
		throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, ${means}; not "${value}".`);
	return number;
}

function readUrl(raw: string | undefined, name: string): string | undefined {
	const value = nonEmpty(raw);
	if (value === undefined) return undefined;
	if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
		throw new ConfigError(`${name} must be an http(s) URL such as https://cms.example.org, not "${value}".`);
	}
	return value.replace(/\/$/, "");
}

function readBool(raw: string | undefined, name: string): boolean | undefined {
	const value = nonEmpty(raw)?.toLowerCase();
	if (value === undefined) return undefined;
	if (["true", "1", "yes", "on"].includes(value)) return true;
	if (["false", "0", "no", "off"].includes(value)) return false;
	throw new ConfigError(`${name} must be true or false, not "${raw}".`);
}

function readDatabase(env: Env, dataDir: string): DatabaseSettings {
	const url = nonEmpty(env.DATABASE_URL);
	const client = nonEmpty(env.DATABASE_CLIENT)?.toLowerCase() ?? (url ? "postgres" : "sqlite");
	if (client === "sqlite" || client === "better-sqlite3") {
		if (url) throw new ConfigError("DATABASE_URL is set but DATABASE_CLIENT is sqlite. Remove one of the two.");
		const filename = nonEmpty(env.DATABASE_FILENAME) ?? join(dataDir, "aide.db");
		return { client: "sqlite", filename: isAbsolute(filename) ? filename : resolve(dataDir, filename) };
	}
	if (client !== "postgres" && client !== "postgresql") {
		throw new ConfigError(`DATABASE_CLIENT must be "sqlite" or "postgres", not "${client}".`);
	}
	const ssl = readBool(env.DATABASE_SSL, "DATABASE_SSL") ?? false;
	const sslOption = ssl
		? { rejectUnauthorized: readBool(env.DATABASE_SSL_REJECT_UNAUTHORIZED, "DATABASE_SSL_REJECT_UNAUTHORIZED") ?? true }
		: false;
	const schema = nonEmpty(env.DATABASE_SCHEMA) ?? "public";
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
			host: nonEmpty(env.DATABASE_HOST) ?? "127.0.0.1",
			port: readPort(env.DATABASE_PORT, "DATABASE_PORT", 5432),
			database: nonEmpty(env.DATABASE_NAME) ?? "aide",
			user: nonEmpty(env.DATABASE_USERNAME) ?? "aide",
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
	const email = nonEmpty(env.AIDE_ADMIN_EMAIL);
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
