// The settings pieces every program composes: what each address variable means, where paths are read
// from, and the one-line errors a bad value gives.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
	ConfigError,
	cmsAddress,
	cmsUrl,
	DEFAULT_PORTS,
	dataDir,
	dataFiles,
	demoContent,
	ensureSecrets,
	insightsUrl,
	paths,
	readBackups,
	readSecrets,
	SECRET_NAMES,
	siteAddress,
	siteOutDir,
	siteServiceUrl,
	siteUrl,
} from "../index.js";

const work = mkdtempSync(join(tmpdir(), "aide-config-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Not @aide/testing's messageOf: that package depends on this one.
const errorOf = (read: () => unknown) => {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}
	throw new Error("expected a ConfigError");
};

describe("addresses", () => {
	it("HOST / PORT place the public site and never the CMS; CMS_HOST / CMS_PORT place the CMS", () => {
		expect(siteAddress({})).toEqual({ host: "127.0.0.1", port: DEFAULT_PORTS.site });
		expect(cmsAddress({})).toEqual({ host: "127.0.0.1", port: DEFAULT_PORTS.cms });
		const env = { HOST: "0.0.0.0", PORT: "8080", CMS_HOST: "10.0.0.2", CMS_PORT: "9000" };
		expect(siteAddress(env)).toEqual({ host: "0.0.0.0", port: 8080 });
		expect(cmsAddress(env)).toEqual({ host: "10.0.0.2", port: 9000 });
		expect(cmsAddress({ HOST: "0.0.0.0", PORT: "8080" })).toEqual({ host: "127.0.0.1", port: DEFAULT_PORTS.cms });
	});

	it("derive the URLs others use, an explicit one winning, a wildcard host reached on loopback", () => {
		expect(cmsUrl({})).toBe("http://127.0.0.1:1337");
		expect(cmsUrl({ CMS_HOST: "0.0.0.0", CMS_PORT: "2000" })).toBe("http://127.0.0.1:2000");
		expect(cmsUrl({ CMS_HOST: "::" })).toBe("http://127.0.0.1:1337");
		expect(cmsUrl({ CMS_HOST: "::1" })).toBe("http://[::1]:1337");
		expect(cmsUrl({ CMS_URL: "https://cms.example.org/", CMS_PORT: "2000" })).toBe("https://cms.example.org");
		expect(siteUrl({ PORT: "5000" })).toBe("http://127.0.0.1:5000");
		expect(siteUrl({ SITE_URL: "https://help.example.org" })).toBe("https://help.example.org");
		expect(siteServiceUrl({})).toBe("http://127.0.0.1:4322");
	});

	it("read where the site sends reader insights: a same-origin path, an http(s) URL, or nothing", () => {
		expect(insightsUrl({})).toBeUndefined();
		expect(insightsUrl({ AIDE_INSIGHTS_URL: " /aide/events " })).toBe("/aide/events");
		expect(insightsUrl({ AIDE_INSIGHTS_URL: "https://help.example.org/aide/events" })).toBe("https://help.example.org/aide/events");
		for (const bad of ["//evil.example/aide", "javascript:alert(1)", "aide/events", "/aide events"]) {
			expect(errorOf(() => insightsUrl({ AIDE_INSIGHTS_URL: bad }))).toBe(
				`AIDE_INSIGHTS_URL must be a path on the site's origin such as /aide/events, or an http(s) URL such as https://help.example.org/aide/events, not "${bad}".`,
			);
		}
	});

	it("refuse what they cannot mean, naming the variable", () => {
		expect(errorOf(() => siteAddress({ PORT: "http" }))).toBe('PORT must be a port number from 1 to 65535, not "http".');
		expect(errorOf(() => cmsAddress({ CMS_PORT: "70000" }))).toBe('CMS_PORT must be a port number from 1 to 65535, not "70000".');
		expect(errorOf(() => cmsUrl({ CMS_URL: "ftp://x" }))).toBe(
			'CMS_URL must be an http(s) URL such as https://help.example.org, not "ftp://x".',
		);
		expect(errorOf(() => siteUrl({ SITE_URL: "nope" }))).toContain("SITE_URL must be an http(s) URL");
	});
});

describe("paths", () => {
	it("read relative folders from apps/cms, whatever the working folder, and absolute ones as given", () => {
		expect(dataDir({})).toBe(join(paths.cms, ".data"));
		expect(dataDir({ AIDE_DATA_DIR: "elsewhere" })).toBe(join(paths.cms, "elsewhere"));
		expect(dataDir({ AIDE_DATA_DIR: work })).toBe(work);
		expect(readBackups({}).dir).toBe(join(paths.cms, ".backups"));
		expect(siteOutDir({})).toBe(join(paths.site, "dist"));
		expect(dataFiles(work).tokens.site).toBe(join(work, "site-token"));
	});
});

describe("AIDE_DEMO_CONTENT", () => {
	it("is a yes or no in any usual spelling, and refuses anything else", () => {
		expect(demoContent({})).toBe(true);
		for (const no of ["false", "0", "off", "no", "FALSE"]) expect(demoContent({ AIDE_DEMO_CONTENT: no })).toBe(false);
		expect(errorOf(() => demoContent({ AIDE_DEMO_CONTENT: "maybe" }))).toBe('AIDE_DEMO_CONTENT must be true or false, not "maybe".');
	});
});

describe("secrets", () => {
	it("are generated once into a private file, the environment first, and read back checked", () => {
		const file = join(work, "data", "secrets.env");
		expect(ensureSecrets(file, {})).toEqual([...SECRET_NAMES]);
		const first = readFileSync(file, "utf8");
		expect(ensureSecrets(file, {})).toEqual([]);
		expect(readFileSync(file, "utf8")).toBe(first);
		const fromEnv = "from-the-environment-0123456789";
		const read = readSecrets({ AIDE_WEBHOOK_SECRET: fromEnv }, file, ["AIDE_WEBHOOK_SECRET", "AIDE_PREVIEW_SECRET"]);
		expect(read.AIDE_WEBHOOK_SECRET).toBe(fromEnv);
		expect(read.AIDE_PREVIEW_SECRET.length).toBeGreaterThanOrEqual(16);
		expect(errorOf(() => readSecrets({ JWT_SECRET: "changeme" }, file, ["JWT_SECRET"]))).toContain(
			'JWT_SECRET holds the placeholder "changeme", which anyone can guess.',
		);
	});
});
