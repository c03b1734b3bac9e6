import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { messageOf } from "@aide/testing";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, readSettings, SECRET_NAMES } from "../src/settings.ts";

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
	const dir = mkdtempSync(join(tmpdir(), "aide-settings-"));
	dirs.push(dir);
	return dir;
}

const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, `${name.toLowerCase()}-0123456789abcdef`]));
const read = (env: Record<string, string>) => readSettings({ AIDE_DATA_DIR: scratch(), ...secrets, ...env });
const errorOf = (env: Record<string, string>) => messageOf(() => read(env), ConfigError);

describe("readSettings", () => {
	it("listens on 127.0.0.1:1337 with SQLite in the data folder by default", () => {
		const dataDir = scratch();
		const settings = readSettings({ AIDE_DATA_DIR: dataDir, ...secrets });
		expect(settings.host).toBe("127.0.0.1");
		expect(settings.port).toBe(1337);
		expect(settings.database).toEqual({ client: "sqlite", filename: join(dataDir, "aide.db") });
		expect(settings.transferTokenSalt).toBeUndefined();
		expect(settings.corsOrigins).toEqual([]);
	});

	it("takes CMS_HOST and CMS_PORT; HOST and PORT name the public site, never the CMS", () => {
		const settings = read({ CMS_HOST: "0.0.0.0", CMS_PORT: "8080" });
		expect([settings.host, settings.port]).toEqual(["0.0.0.0", 8080]);
		const site = read({ HOST: "0.0.0.0", PORT: "8080" });
		expect([site.host, site.port]).toEqual(["127.0.0.1", 1337]);
	});

	it("reads AIDE_DEMO_CONTENT as a yes or no, 0 and off included", () => {
		expect(read({}).demoContent).toBe(true);
		for (const no of ["false", "0", "off", "NO"]) expect(read({ AIDE_DEMO_CONTENT: no }).demoContent).toBe(false);
		expect(read({ AIDE_DEMO_CONTENT: "1" }).demoContent).toBe(true);
		expect(() => read({ AIDE_DEMO_CONTENT: "maybe" })).toThrow('AIDE_DEMO_CONTENT must be true or false, not "maybe".');
	});

	it("uses PostgreSQL from DATABASE_URL, or DATABASE_CLIENT and the usual variables", () => {
		expect(read({ DATABASE_URL: "postgres://aide:pw@db.internal:5432/aide" }).database).toEqual({
			client: "postgres",
			connection: { connectionString: "postgres://aide:pw@db.internal:5432/aide", ssl: false, schema: "public" },
		});
		expect(read({ DATABASE_CLIENT: "postgres", DATABASE_HOST: "db", DATABASE_NAME: "help", DATABASE_SSL: "true" }).database).toMatchObject({
			client: "postgres",
			connection: { host: "db", port: 5432, database: "help", ssl: { rejectUnauthorized: true } },
		});
	});

	it("reads secrets from the data folder's secrets.env when the environment has none", () => {
		const dataDir = scratch();
		writeFileSync(
			join(dataDir, "secrets.env"),
			Object.entries(secrets)
				.map(([name, value]) => `${name}=${value}`)
				.join("\n"),
		);
		expect(readSettings({ AIDE_DATA_DIR: dataDir }).secrets.JWT_SECRET).toBe(secrets.JWT_SECRET);
	});
});

describe("readSettings: the content API cache and the site service", () => {
	it("caches with SQLite, not with PostgreSQL, unless AIDE_API_CACHE says otherwise", () => {
		expect(read({}).apiCache.enabled).toBe(true);
		expect(read({ DATABASE_URL: "postgres://aide:pw@db.internal:5432/aide" }).apiCache.enabled).toBe(false);
		expect(read({ DATABASE_URL: "postgres://aide:pw@db.internal:5432/aide", AIDE_API_CACHE: "true" }).apiCache.enabled).toBe(true);
		expect(read({ AIDE_API_CACHE: "off" }).apiCache.enabled).toBe(false);
		expect(errorOf({ AIDE_API_CACHE: "maybe" })).toBe('AIDE_API_CACHE must be true or false, not "maybe".');
	});

	it("bounds the cache to AIDE_API_CACHE_MB megabytes (64 by default) and 10,000 entries", () => {
		expect(read({}).apiCache).toMatchObject({ maxBytes: 64 * 1024 * 1024, maxEntries: 10_000 });
		expect(read({ AIDE_API_CACHE_MB: "8" }).apiCache.maxBytes).toBe(8 * 1024 * 1024);
		expect(errorOf({ AIDE_API_CACHE_MB: "0" })).toBe(
			'AIDE_API_CACHE_MB must be a whole number from 1 to 4096, the response cache\'s size in megabytes (keys and bodies together); not "0".',
		);
		expect(errorOf({ AIDE_API_CACHE_MB: "64MB" })).toMatch(/^AIDE_API_CACHE_MB must be a whole number from 1 to 4096/);
	});

	it("keeps reader insights AIDE_INSIGHTS_RETENTION_DAYS days (365 by default), from 1 to 3650", () => {
		expect(read({}).insightsRetentionDays).toBe(365);
		expect(read({ AIDE_INSIGHTS_RETENTION_DAYS: "30" }).insightsRetentionDays).toBe(30);
		expect(errorOf({ AIDE_INSIGHTS_RETENTION_DAYS: "0" })).toBe(
			'AIDE_INSIGHTS_RETENTION_DAYS must be a whole number from 1 to 3650, how many days of reader insights (searches, votes under answers) the CMS keeps before deleting them; not "0".',
		);
		expect(errorOf({ AIDE_INSIGHTS_RETENTION_DAYS: "1y" })).toMatch(/^AIDE_INSIGHTS_RETENTION_DAYS must be a whole number from 1 to 3650/);
		expect(errorOf({ AIDE_INSIGHTS_RETENTION_DAYS: "3651" })).toMatch(/not "3651"\.$/);
	});

	it("points the webhook and previews at the site service, AIDE_SITE_SERVICE_URL or 127.0.0.1:4322", () => {
		expect(read({}).siteServiceUrl).toBe("http://127.0.0.1:4322");
		expect(read({ AIDE_SITE_SERVICE_URL: "http://10.0.0.5:8080/" }).siteServiceUrl).toBe("http://10.0.0.5:8080");
		expect(errorOf({ AIDE_SITE_SERVICE_URL: "ftp://x" })).toContain("AIDE_SITE_SERVICE_URL must be an http(s) URL");
	});
});

describe("readSettings: the reverse proxies in front of the CMS", () => {
	it("trusts one proxy's X-Forwarded-For entry when CMS_PUBLIC_URL is set, none otherwise, CMS_PROXY_HOPS if given", () => {
		expect(read({}).proxyHops).toBe(0);
		expect(read({ CMS_PUBLIC_URL: "https://cms.example.org" }).proxyHops).toBe(1);
		expect(read({ CMS_PUBLIC_URL: "https://cms.example.org", CMS_PROXY_HOPS: "2" }).proxyHops).toBe(2);
		expect(read({ CMS_PUBLIC_URL: "https://cms.example.org", CMS_PROXY_HOPS: "0" }).proxyHops).toBe(0);
		expect(read({ CMS_PROXY_HOPS: "1" }).proxyHops).toBe(1);
	});

	it("refuses a CMS_PROXY_HOPS that is not a small whole number, saying what it means", () => {
		const message =
			"CMS_PROXY_HOPS must be a whole number from 0 to 10, the number of reverse proxies in front of the CMS (1 for one nginx or Caddy; 0 when clients reach it directly);";
		expect(errorOf({ CMS_PROXY_HOPS: "true" })).toBe(`${message} not "true".`);
		expect(errorOf({ CMS_PROXY_HOPS: "-1" })).toBe(`${message} not "-1".`);
		expect(errorOf({ CMS_PROXY_HOPS: "1.5" })).toBe(`${message} not "1.5".`);
		expect(errorOf({ CMS_PROXY_HOPS: "11" })).toBe(`${message} not "11".`);
	});
});

describe("readSettings refuses, naming the variable", () => {
	it("a placeholder secret", () => {
		expect(errorOf({ APP_KEYS: "toBeModified1,toBeModified2" })).toMatch(
			/^APP_KEYS holds the placeholder "toBeModified1", which anyone can guess\. Remove it/,
		);
		expect(errorOf({ JWT_SECRET: "tobemodified" })).toMatch(/^JWT_SECRET holds the placeholder/);
		expect(errorOf({ TRANSFER_TOKEN_SALT: "changeme" })).toMatch(/^TRANSFER_TOKEN_SALT holds the placeholder/);
	});

	it("any secret equal to a published example value: Strapi's templates' and this project's documentation's", () => {
		for (const name of SECRET_NAMES) {
			for (const example of ["tobemodified", "toBeModified1", "changeme", "secret", "example"]) {
				expect(errorOf({ [name]: example }), `${name}=${example}`).toMatch(new RegExp(`^${name} holds the placeholder "${example}"`));
			}
		}
		const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
		const documented = [...readme.matchAll(/AIDE_ADMIN_PASSWORD='([^']+)'/g)].map((match) => match[1] ?? "");
		expect(documented.length).toBeGreaterThan(0);
		for (const password of documented) {
			expect(errorOf({ AIDE_ADMIN_EMAIL: "you@example.org", AIDE_ADMIN_PASSWORD: password })).toBe(
				"AIDE_ADMIN_PASSWORD is the example printed in the README, which anyone can read. Choose another, or unset it to get a generated one.",
			);
		}
	});

	it("an empty or missing secret", () => {
		const message = errorOf({ ADMIN_JWT_SECRET: "" });
		expect(message).toMatch(/^ADMIN_JWT_SECRET is not set\. Start the CMS with `npm run cms` once to generate it/);
	});

	it("a short secret", () => {
		expect(errorOf({ ENCRYPTION_KEY: "short" })).toMatch(/^ENCRYPTION_KEY is too short to be secret \(5 characters\)/);
	});

	it("a malformed DATABASE_URL, without echoing it", () => {
		const message = errorOf({ DATABASE_URL: "postgres://aide:s3cret@db.internal/" });
		expect(message).toBe("DATABASE_URL must name a host and a database: postgres://user:password@host:5432/database.");
		expect(errorOf({ DATABASE_URL: "not a url" })).toMatch(/^DATABASE_URL is not a valid URL\./);
		expect(errorOf({ DATABASE_URL: "mysql://db/aide" })).toBe("DATABASE_URL must start with postgres:// or postgresql://, not mysql://.");
		expect(message).not.toContain("s3cret");
	});

	it("a bad port or database client", () => {
		expect(errorOf({ CMS_PORT: "http" })).toBe('CMS_PORT must be a port number from 1 to 65535, not "http".');
		expect(errorOf({ DATABASE_CLIENT: "mysql" })).toBe('DATABASE_CLIENT must be "sqlite" or "postgres", not "mysql".');
	});

	it("a first-admin password Strapi would reject", () => {
		expect(errorOf({ AIDE_ADMIN_EMAIL: "a@b.org", AIDE_ADMIN_PASSWORD: "password" })).toBe(
			"AIDE_ADMIN_PASSWORD needs a lowercase letter, an uppercase letter and a digit. Choose another, or unset it to get a generated one.",
		);
		expect(errorOf({ AIDE_ADMIN_EMAIL: "not-an-email" })).toBe('AIDE_ADMIN_EMAIL must be an email address, not "not-an-email".');
	});
});
