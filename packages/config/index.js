// Settings pieces shared by Aide's programs. Each program (the CMS, the portal, the site build, the
// import) has one settings module of its own, composed from these: a variable, its default, a port
// or a path is written here once, and a bad value stops the program with one line that names the
// variable and the fix (ConfigError).
//
// What the addresses mean, everywhere:
// - HOST / PORT: the public site, what readers reach (`npm start`, `npm run preview`). Default 127.0.0.1:4321.
// - CMS_HOST / CMS_PORT: the CMS, under `npm run cms` and `npm start` alike. Default 127.0.0.1:1337.
// - CMS_URL: how programs other than the CMS reach it (the build, the import); default from CMS_HOST / CMS_PORT.
// - AIDE_SITE_SERVICE_URL: the site service of `npm start` (rebuilds, previews). Default http://127.0.0.1:4322.
//
// Plain JavaScript with hand-written types (index.d.ts): the CMS's CommonJS build loads it as it is.
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

/** @typedef {Record<string, string | undefined>} Env */

/** A wrong or missing setting. Its message is meant for the person starting the program, as is. */
export class ConfigError extends Error {
	name = "ConfigError";
}

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Where the workspace's programs live. Paths to run or to build, never to import from. */
export const paths = {
	root,
	cms: join(root, "apps", "cms"),
	site: join(root, "apps", "site"),
	portal: join(root, "apps", "portal"),
};

/** The ports used when none is set. */
export const DEFAULT_PORTS = { site: 4321, siteService: 4322, cms: 1337 };

/**
 * A variable's value with surrounding spaces removed; undefined when unset or blank.
 * @param {Env} env @param {string} name
 */
export function text(env, name) {
	const trimmed = env[name]?.trim();
	return trimmed ? trimmed : undefined;
}

/** @param {Env} env @param {string} name @param {number} fallback */
export function readPort(env, name, fallback) {
	const value = text(env, name);
	if (value === undefined) return fallback;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new ConfigError(`${name} must be a port number from 1 to 65535, not "${value}".`);
	}
	return port;
}

/**
 * @param {Env} env @param {string} name
 * @param {{ fallback: number; min?: number; max: number; means: string }} limits
 */
export function readWholeNumber(env, name, { fallback, min = 0, max, means }) {
	const value = text(env, name);
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!/^\d+$/.test(value) || number < min || number > max)
		throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, ${means}; not "${value}".`);
	return number;
}

/**
 * An http(s) URL without its trailing slash. `value` is the variable's value, or one item of a list.
 * @param {string | undefined} value @param {string} name
 */
export function readUrl(value, name) {
	const trimmed = value?.trim();
	if (!trimmed) return undefined;
	if (!URL.canParse(trimmed) || !/^https?:$/.test(new URL(trimmed).protocol)) {
		throw new ConfigError(`${name} must be an http(s) URL such as https://help.example.org, not "${trimmed}".`);
	}
	return trimmed.replace(/\/+$/, "");
}

/**
 * true / 1 / yes / on, false / 0 / no / off (any case); undefined when unset.
 * @param {Env} env @param {string} name
 */
export function readBool(env, name) {
	const value = text(env, name)?.toLowerCase();
	if (value === undefined) return undefined;
	if (["true", "1", "yes", "on"].includes(value)) return true;
	if (["false", "0", "no", "off"].includes(value)) return false;
	throw new ConfigError(`${name} must be true or false, not "${env[name]}".`);
}

/**
 * A path from a variable: absolute as given, relative to the CMS's folder (apps/cms) otherwise.
 * @param {Env} env @param {string} name @param {string} fallback
 */
function readPath(env, name, fallback) {
	const value = text(env, name) ?? fallback;
	return isAbsolute(value) ? value : resolve(paths.cms, value);
}

/**
 * The URL at which a program on this machine reaches an address: a wildcard host (0.0.0.0, ::) is
 * reached on loopback, an IPv6 host goes in brackets.
 * @param {{ host: string; port: number }} address
 */
export function localUrl({ host, port }) {
	const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
	return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

/** The public site's address: HOST / PORT. @param {Env} env */
export function siteAddress(env) {
	return { host: text(env, "HOST") ?? "127.0.0.1", port: readPort(env, "PORT", DEFAULT_PORTS.site) };
}

/** The CMS's own address: CMS_HOST / CMS_PORT. @param {Env} env */
export function cmsAddress(env) {
	return { host: text(env, "CMS_HOST") ?? "127.0.0.1", port: readPort(env, "CMS_PORT", DEFAULT_PORTS.cms) };
}

/** How other programs reach the CMS: CMS_URL, else the local CMS at CMS_HOST / CMS_PORT. @param {Env} env */
export function cmsUrl(env) {
	const explicit = readUrl(env.CMS_URL, "CMS_URL");
	if (explicit) return explicit;
	return localUrl(cmsAddress(env));
}

/**
 * The public site's absolute URL, for canonical links, hreflang, the sitemap and Open Graph: SITE_URL,
 * else the local site at HOST / PORT.
 * @param {Env} env
 */
export function siteUrl(env) {
	const explicit = readUrl(env.SITE_URL, "SITE_URL");
	if (explicit) return explicit;
	return localUrl(siteAddress(env));
}

/**
 * Where the built site sends reader insights (votes under answers, searches): AIDE_INSIGHTS_URL, a path on
 * the site's own origin (`/aide/events`, what `npm start` serves) or an absolute http(s) URL. Unset: the site
 * has no feedback widget and sends nothing.
 * @param {Env} env
 */
export function insightsUrl(env) {
	const value = text(env, "AIDE_INSIGHTS_URL");
	if (value === undefined) return undefined;
	if (value.startsWith("/") && !value.startsWith("//") && !/[\s\\]/.test(value)) return value;
	if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return value;
	throw new ConfigError(
		`AIDE_INSIGHTS_URL must be a path on the site's origin such as /aide/events, or an http(s) URL such as https://help.example.org/aide/events, not "${value}".`,
	);
}

/** The site service of `npm start`: AIDE_SITE_SERVICE_URL. @param {Env} env */
export function siteServiceUrl(env) {
	return readUrl(env.AIDE_SITE_SERVICE_URL, "AIDE_SITE_SERVICE_URL") ?? `http://127.0.0.1:${DEFAULT_PORTS.siteService}`;
}

/** The path readers are served from (a link to the live build): AIDE_SITE_OUT_DIR, else apps/site/dist. @param {Env} env */
export function siteOutDir(env) {
	return resolve(text(env, "AIDE_SITE_OUT_DIR") ?? join(paths.site, "dist"));
}

/**
 * Where site builds keep the media files they copied from the CMS, each under a name that holds a
 * hash of its bytes (so several builds and the site service share it without clashing): apps/site/.media.
 * Not served as it is: a build copies in the files its answers show, the site service shows the rest to previews.
 */
export function mediaStoreDir() {
	return join(paths.site, ".media");
}

/**
 * The local CMS's data folder (SQLite file, generated secrets, tokens for local tools, the first
 * admin's password): AIDE_DATA_DIR, else apps/cms/.data.
 * @param {Env} env
 */
export function dataDir(env) {
	return readPath(env, "AIDE_DATA_DIR", ".data");
}

/** The files the CMS keeps in its data folder. @param {string} dir */
export function dataFiles(dir) {
	return {
		secrets: join(dir, "secrets.env"),
		adminCredentials: join(dir, "admin-credentials.txt"),
		tokens: {
			site: join(dir, "site-token"),
			import: join(dir, "import-token"),
			preview: join(dir, "preview-token"),
			insights: join(dir, "insights-token"),
		},
	};
}

export const SECRET_NAMES = /** @type {const} */ ([
	"APP_KEYS",
	"ADMIN_JWT_SECRET",
	"API_TOKEN_SALT",
	"JWT_SECRET",
	"ENCRYPTION_KEY",
	// Shared with the site service (`npm start`): the CMS sends the first with each rebuild call, preview links are signed with the second.
	"AIDE_WEBHOOK_SECRET",
	"AIDE_PREVIEW_SECRET",
]);

/** Values copied from Strapi's templates and tutorials; a CMS started with one is open to anyone who read them. */
const PLACEHOLDERS = /^(tobemodified\d*|changeme|change-me|secret|placeholder|example|xxx+)$/i;
export const MIN_SECRET_LENGTH = 16;

/**
 * Checks a secret's value: set, not a published placeholder, long enough.
 * @param {string} name @param {string | undefined} value @param {string} secretsFile
 */
export function checkSecret(name, value, secretsFile) {
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

/**
 * The named secrets, each from the environment first, then from `secretsFile`; checked.
 * @template {string} Name
 * @param {Env} env @param {string} secretsFile @param {readonly Name[]} names
 * @returns {Record<Name, string>}
 */
export function readSecrets(env, secretsFile, names) {
	const stored = existsSync(secretsFile) ? parseEnv(readFileSync(secretsFile, "utf8")) : {};
	return /** @type {Record<Name, string>} */ (
		Object.fromEntries(names.map((name) => [name, checkSecret(name, text(env, name) ?? text(stored, name), secretsFile)]))
	);
}

/**
 * The two secrets the CMS shares with the site service of `npm start`: the rebuild call's and the
 * preview links', from the environment first, then from the data folder's secrets file.
 * @param {Env} env @param {string} dir the data folder
 */
export function sharedSecrets(env, dir) {
	const secrets = readSecrets(env, dataFiles(dir).secrets, ["AIDE_WEBHOOK_SECRET", "AIDE_PREVIEW_SECRET"]);
	return { webhook: secrets.AIDE_WEBHOOK_SECRET, preview: secrets.AIDE_PREVIEW_SECRET };
}

const random = () => randomBytes(32).toString("base64");

/**
 * Generates the secrets that are set neither in the environment nor in `file`, and appends them to
 * `file` (mode 0600). Existing values are never changed. Returns the names it generated.
 * @param {string} file @param {Env} env
 * @returns {string[]}
 */
export function ensureSecrets(file, env) {
	const stored = existsSync(file) ? parseEnv(readFileSync(file, "utf8")) : {};
	const missing = SECRET_NAMES.filter((name) => !text(env, name) && !text(stored, name));
	if (missing.length === 0) return [];
	const lines = missing.map((name) => `${name}=${name === "APP_KEYS" ? [random(), random(), random(), random()].join(",") : random()}`);
	mkdirSync(dirname(file), { recursive: true });
	if (!existsSync(file)) {
		// Written beside it and linked into place, which fails if the file exists: of two processes starting
		// together on one data folder (several CMS processes on one PostgreSQL), the first to link wins and
		// the other takes its values.
		const draft = `${file}.${process.pid}.new`;
		writeFileSync(
			draft,
			`# Secrets of this CMS, generated on first start. Keep this file private; back it up with the data.\n${lines.join("\n")}\n`,
			{ mode: 0o600 },
		);
		try {
			linkSync(draft, file);
		} catch (error) {
			const code = /** @type {NodeJS.ErrnoException} */ (error).code;
			if (code === "EEXIST") return ensureSecrets(file, env);
			// A file system without hard links (some network and FUSE mounts): an exclusive create is the
			// next best thing; it too fails if another process made the file first.
			if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw error;
			try {
				writeFileSync(file, readFileSync(draft), { mode: 0o600, flag: "wx" });
			} catch (exclusive) {
				if (/** @type {NodeJS.ErrnoException} */ (exclusive).code !== "EEXIST") throw exclusive;
				return ensureSecrets(file, env);
			}
		} finally {
			rmSync(draft, { force: true });
		}
		return missing;
	}
	writeFileSync(file, `${readFileSync(file, "utf8").replace(/\n?$/, "\n")}${lines.join("\n")}\n`, { mode: 0o600 });
	return missing;
}

/**
 * Where `npm run backup` writes (AIDE_BACKUP_DIR, default apps/cms/.backups), and the nightly backup
 * of `npm start`: when (AIDE_BACKUP_AT, "HH:MM" or off; default 03:00) and how many to keep
 * (AIDE_BACKUP_KEEP, default 7).
 * @param {Env} env
 */
export function readBackups(env) {
	const at = text(env, "AIDE_BACKUP_AT")?.toLowerCase() ?? "03:00";
	if (at !== "off" && !/^([01]\d|2[0-3]):[0-5]\d$/.test(at))
		throw new ConfigError(`AIDE_BACKUP_AT must be a time of day on the 24-hour clock, such as 03:00, or off; not "${env.AIDE_BACKUP_AT}".`);
	const keepRaw = text(env, "AIDE_BACKUP_KEEP") ?? "7";
	const keep = Number(keepRaw);
	if (!Number.isInteger(keep) || keep < 1)
		throw new ConfigError(`AIDE_BACKUP_KEEP must be a whole number of backups, at least 1; not "${keepRaw}".`);
	return { dir: readPath(env, "AIDE_BACKUP_DIR", ".backups"), at: at === "off" ? null : at, keep };
}

/**
 * The V8 heap limit of the site's render process, in megabytes: AIDE_BUILD_HEAP_MB, default 768 (left
 * alone, V8 lets garbage grow the heap to gigabytes on a large site).
 * @param {Env} env
 */
export function buildHeapMb(env) {
	return readWholeNumber(env, "AIDE_BUILD_HEAP_MB", {
		fallback: 768,
		min: 256,
		max: 65_536,
		means: "the V8 heap limit of the site's render process in megabytes (raise it if a build runs out of memory)",
	});
}

/** The first admin's email when AIDE_ADMIN_EMAIL is not set. */
export const DEFAULT_ADMIN_EMAIL = "admin@aide.localhost";

/** Whether the CMS loads the demo content into an empty database: AIDE_DEMO_CONTENT, default true. @param {Env} env */
export function demoContent(env) {
	return readBool(env, "AIDE_DEMO_CONTENT") ?? true;
}
