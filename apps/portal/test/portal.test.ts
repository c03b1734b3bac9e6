// `npm start` as a person runs it (src/start.ts, the step behind it): the CMS, the first build
// and both servers come up, the addresses and the login are printed, and Ctrl-C stops all of it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
		env: { AIDE_BACKUP_DIR: join(work, "backups"), AIDE_BACKUP_AT: "04:30", AIDE_BACKUP_KEEP: "3" },
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

	it("stops everything on Ctrl-C, leaving nothing running", async () => {
		const exited = new Promise<number | null>((resolve) => portal.child.once("exit", resolve));
		portal.child.kill("SIGINT");
		expect(await exited).toBe(0);
		expect(portal.output()).toContain("aide: stopped.");
		for (const port of Object.values(ports)) expect(await portHeld(port)).toBe(false);
	});
});

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
