// `npm start` as a person runs it (src/start.ts, the step behind it): the CMS, the first build
// and both servers come up, the addresses and the login are printed, and Ctrl-C stops all of it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { removeSite } from "@aide/site-build";
import { ADMIN, freePort, type Portal, portHeld, startPortal } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const portalDir = fileURLToPath(new URL("../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-portal-"));
let portal: Portal;
let ports: Portal["ports"];
let output = "";

beforeAll(async () => {
	portal = await startPortal(work, {
		env: { AIDE_BACKUP_DIR: join(work, "backups"), AIDE_BACKUP_AT: "04:30", AIDE_BACKUP_KEEP: "3", AIDE_INSIGHTS_FLUSH_SECONDS: "1" },
	});
	ports = portal.ports;
	await portal.waitFor("aide: the portal is ready", 180_000);
	output = portal.output();
});

afterAll(() => {
	if (portal?.child.exitCode === null) portal.child.kill("SIGKILL");
	removeSite(join(work, "dist"));
	rmSync(work, { recursive: true, force: true });
});

describe("npm start", () => {
	it("prints where the site and the CMS are, and how to log in", () => {
		expect(output).toContain(`site:       http://127.0.0.1:${ports.site}/`);
		expect(output).toContain(`CMS admin:  http://127.0.0.1:${ports.cms}/admin`);
		expect(output).toContain(`log in as ${ADMIN.email}, with AIDE_ADMIN_PASSWORD`);
		expect(output).toContain(`backups:    every night at 04:30 into ${join(work, "backups")}, the 3 newest kept`);
		// The demo content's publish events wait for, and join, the first build.
		expect(output).not.toContain("aide: rebuild #2");
		expect(output).toMatch(
			/aide: rebuild #1 \(.*\bstart\b.*\) is live, built in \d+\.\d s \(\d+ pages; rendered in \d+\.\d s, indexed in \d+\.\d s, compressed in \d+\.\d s\)\./,
		);
		expect(output).not.toContain("MODULE_TYPELESS_PACKAGE_JSON");
	});

	it("serves the demo content in French and in English", async () => {
		const fr = await (await fetch(`http://127.0.0.1:${ports.site}/fr/`)).text();
		const en = await (await fetch(`http://127.0.0.1:${ports.site}/en/`)).text();
		expect(fr).toContain('<html lang="fr">');
		expect(fr).toContain("Comment pouvons-nous vous aider ?");
		expect(en).toContain('<html lang="en">');
		expect((await fetch(`http://127.0.0.1:${ports.cms}/admin`)).status).toBe(200);
	});

	it("takes reader searches at /aide/events and stores their counts in its CMS with the insights token", async () => {
		const answer = await fetch(`http://127.0.0.1:${ports.site}/aide/events`, {
			method: "POST",
			headers: { "content-type": "application/json", origin: `http://127.0.0.1:${ports.site}` },
			body: JSON.stringify({ type: "search", locale: "fr", query: "Horaires du support", results: 0 }),
		});
		expect(answer.status).toBe(204);
		for (let waited = 0; searchCounts().length === 0 && waited < 10_000; waited += 250) await sleep(250);
		expect(searchCounts()).toEqual([{ query: "horaires du support", searches: 1 }]);
		expect(portal.output()).not.toContain("reader insights:");
	});

	it("stops everything on Ctrl-C, leaving nothing running, once the last reader insights are in the CMS", async () => {
		const sent = await fetch(`http://127.0.0.1:${ports.site}/aide/events`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ type: "search", locale: "fr", query: "dernier mot", results: 2 }),
		});
		expect(sent.status).toBe(204);
		const exited = new Promise<number | null>((resolve) => portal.child.once("exit", resolve));
		portal.child.kill("SIGINT");
		expect(await exited).toBe(0);
		expect(portal.output()).toContain("aide: stopped.");
		for (const port of Object.values(ports)) expect(await portHeld(port)).toBe(false);
		expect(searchCounts()).toContainEqual({ query: "dernier mot", searches: 1 });
	});
});

/** The search counts the CMS stored, read from its SQLite file. */
function searchCounts(): Array<{ query: unknown; searches: unknown }> {
	const db = new DatabaseSync(join(portal.dataDir, "aide.db"), { readOnly: true });
	try {
		return db
			.prepare("SELECT query, searches FROM insight_searches")
			.all()
			.map(({ query, searches }) => ({ query, searches }));
	} finally {
		db.close();
	}
}

/** Runs `npm start`'s script with `env` until it exits (a start that fails); returns its code and all it printed. */
async function startToExit(env: Record<string, string>): Promise<{ code: number | null; text: string }> {
	const { NODE_ENV: _test, VITEST: _vitest, ...inherited } = process.env;
	const child = spawn(process.execPath, ["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "src/start.ts"], {
		cwd: portalDir,
		env: { ...inherited, ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let text = "";
	child.stdout?.on("data", (chunk) => {
		text += chunk;
	});
	child.stderr?.on("data", (chunk) => {
		text += chunk;
	});
	const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
	return { code, text };
}

describe("npm start with a bad CMS setting", () => {
	it("stops before it opens a port, with the CMS's own one-line message", async () => {
		const ports = { site: await freePort(), cms: await freePort() };
		const { code, text } = await startToExit({
			PORT: String(ports.site),
			CMS_PORT: String(ports.cms),
			AIDE_DATA_DIR: join(work, "bad-setting-data"),
			DATABASE_URL: "mysql://db/aide",
		});
		expect(code).toBe(1);
		expect(text).toContain("aide: the portal did not start. DATABASE_URL must start with postgres:// or postgresql://, not mysql://.");
		expect(text).not.toContain("the CMS is ready");
		for (const port of Object.values(ports)) expect(await portHeld(port)).toBe(false);
	});

	it("stops before it opens a port when the insights' flush period is not a number of seconds", async () => {
		const ports = { site: await freePort(), cms: await freePort() };
		const { code, text } = await startToExit({
			PORT: String(ports.site),
			CMS_PORT: String(ports.cms),
			AIDE_DATA_DIR: join(work, "bad-flush-data"),
			AIDE_INSIGHTS_FLUSH_SECONDS: "0.5",
		});
		expect(code).toBe(1);
		expect(text).toContain(
			'aide: the portal did not start. AIDE_INSIGHTS_FLUSH_SECONDS must be a whole number from 1 to 3600, how often the portal sends reader insights to the CMS, in seconds; not "0.5".',
		);
		for (const port of Object.values(ports)) expect(await portHeld(port)).toBe(false);
	});
});

describe("npm start with a port in use", () => {
	it("says which port and what to do, and starts nothing", async () => {
		const busy = createServer();
		await new Promise<void>((resolve) => busy.listen({ host: "127.0.0.1", port: 0 }, resolve));
		const address = busy.address();
		const busyPort = typeof address === "object" && address ? address.port : 0;
		const cmsPort = await freePort();
		const { code, text } = await startToExit({ PORT: String(busyPort), CMS_PORT: String(cmsPort), AIDE_DATA_DIR: join(work, "busy-data") });
		busy.close();
		expect(code).toBe(1);
		expect(text).toContain(
			`aide: the portal did not start. The site cannot listen on 127.0.0.1:${busyPort}: the port is in use. Stop what uses it, or choose another port. The site's port is set with PORT,`,
		);
		expect(text).not.toContain("the CMS is ready");
		expect(await portHeld(cmsPort)).toBe(false);
	});
});
