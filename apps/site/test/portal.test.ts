// `npm start` as a person runs it (scripts/start.ts, the step behind it): the CMS, the first build
// and both servers come up, the addresses and the login are printed, and Ctrl-C stops all of it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN } from "../../cms/test/support/cms-process.ts";
import { freePort } from "../../cms/test/support/free-port.ts";
import { removeSite } from "../scripts/lib/builds.ts";

const siteDir = fileURLToPath(new URL("../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-portal-"));
const ports = { site: 0, cms: 0, service: 0 };
let portal: ChildProcess;
let output = "";

const listening = (port: number) =>
	new Promise<boolean>((resolve) => {
		const socket = connect({ host: "127.0.0.1", port }, () => {
			socket.destroy();
			resolve(true);
		}).once("error", () => resolve(false));
	});

beforeAll(async () => {
	for (const name of Object.keys(ports) as Array<keyof typeof ports>) ports[name] = await freePort();
	const { NODE_ENV: _test, VITEST: _vitest, ...inherited } = process.env;
	portal = spawn(process.execPath, ["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "scripts/start.ts"], {
		cwd: siteDir,
		env: {
			...inherited,
			PORT: String(ports.site),
			CMS_PORT: String(ports.cms),
			AIDE_SITE_SERVICE_URL: `http://127.0.0.1:${ports.service}`,
			AIDE_DATA_DIR: join(work, "data"),
			AIDE_SITE_OUT_DIR: join(work, "dist"),
			AIDE_ADMIN_EMAIL: ADMIN.email,
			AIDE_ADMIN_PASSWORD: ADMIN.password,
			AIDE_BACKUP_DIR: join(work, "backups"),
			AIDE_BACKUP_AT: "04:30",
			AIDE_BACKUP_KEEP: "3",
		},
		stdio: ["ignore", "pipe", "pipe"],
	});
	portal.stdout?.on("data", (chunk) => {
		output += chunk;
	});
	portal.stderr?.on("data", (chunk) => {
		output += chunk;
	});
	const deadline = Date.now() + 180_000;
	while (!output.includes("aide: the portal is ready")) {
		if (portal.exitCode !== null) throw new Error(`npm start exited (${portal.exitCode}):\n${output}`);
		if (Date.now() > deadline) throw new Error(`npm start was not ready within 180 s:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
});

afterAll(() => {
	if (portal?.exitCode === null) portal.kill("SIGKILL");
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
			/aide: rebuild #1 \(.*\bstart\b.*\) is live, built in \d+\.\d s \(\d+ pages; rendered in \d+\.\d s, indexed in \d+\.\d s\)\./,
		);
		expect(output).not.toContain("MODULE_TYPELESS_PACKAGE_JSON");
	});

	it("serves the demo content in French and in English", async () => {
		const fr = await (await fetch(`http://127.0.0.1:${ports.site}/fr/`)).text();
		const en = await (await fetch(`http://127.0.0.1:${ports.site}/en/`)).text();
		expect(fr).toContain('<html lang="fr">');
		expect(fr).toContain("Foire aux questions");
		expect(en).toContain('<html lang="en">');
		expect((await fetch(`http://127.0.0.1:${ports.cms}/admin`)).status).toBe(200);
	});

	it("stops everything on Ctrl-C, leaving nothing running", async () => {
		const exited = new Promise<number | null>((resolve) => portal.once("exit", resolve));
		portal.kill("SIGINT");
		expect(await exited).toBe(0);
		expect(output).toContain("aide: stopped.");
		for (const port of Object.values(ports)) expect(await listening(port)).toBe(false);
	});
});

describe("npm start with a port in use", () => {
	it("says which port and what to do, and starts nothing", async () => {
		const busy = createServer();
		await new Promise<void>((resolve) => busy.listen({ host: "127.0.0.1", port: 0 }, resolve));
		const address = busy.address();
		const busyPort = typeof address === "object" && address ? address.port : 0;
		const cmsPort = await freePort();
		const { NODE_ENV: _test, VITEST: _vitest, ...inherited } = process.env;
		const child = spawn(process.execPath, ["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "scripts/start.ts"], {
			cwd: siteDir,
			env: { ...inherited, PORT: String(busyPort), CMS_PORT: String(cmsPort), AIDE_DATA_DIR: join(work, "busy-data") },
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
		busy.close();
		expect(code).toBe(1);
		expect(text).toContain(
			`aide: the portal did not start. The site cannot listen on 127.0.0.1:${busyPort}: the port is in use. Stop what uses it, or choose another port. The site's port is set with PORT,`,
		);
		expect(text).not.toContain("the CMS is ready");
		expect(await listening(cmsPort)).toBe(false);
	});
});
