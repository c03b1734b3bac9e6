// Runs `npm start`'s script (apps/portal/src/start.ts) as a process, on free ports and a given work folder,
// the way a person runs it; used by the tests that stop it, or its CMS, in every way it can stop.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { dataFiles, paths } from "@aide/config";
import { ADMIN } from "./cms-process.ts";
import { freePort } from "./free-port.ts";
import { processTree } from "./process-tree.ts";

export interface Portal {
	child: ChildProcess;
	ports: { site: number; service: number; cms: number };
	dataDir: string;
	/** Everything it printed so far, stdout and stderr. */
	output(): string;
	/** Waits until what it printed after `from` (a length of output()) matches. */
	waitFor(pattern: string | RegExp, timeoutMs: number, from?: number): Promise<void>;
	/** The CMS's process (scripts/serve.mts), if one runs now. */
	cmsPid(): number | undefined;
	/** The site build's token, as the CMS wrote it into the data folder. */
	siteToken(): string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function cmdline(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, "utf8");
	} catch {
		return "";
	}
}

/** Starts the portal on free ports with its data in `work` (reused between portals: only the first loads the demo content). */
export async function startPortal(
	work: string,
	{
		nodeArgs = [],
		entryPoint = false,
		ownGroup = false,
		underParent = false,
		env = {},
	}: { nodeArgs?: string[]; entryPoint?: boolean; ownGroup?: boolean; underParent?: boolean; env?: Record<string, string> } = {},
): Promise<Portal> {
	const ports = { site: await freePort(), service: await freePort(), cms: await freePort() };
	const dataDir = join(work, "data");
	const { NODE_ENV: _test, VITEST: _vitest, ...inherited } = process.env;
	// entryPoint: through scripts/aide.mjs, as `npm start` runs it, rather than start.ts itself.
	const script = entryPoint ? [join(paths.root, "scripts", "aide.mjs"), "start"] : ["src/start.ts"];
	// underParent: started by a parent process that stands for npm (the returned child is that parent).
	if (underParent)
		script.unshift(
			"-e",
			"require('node:child_process').spawn(process.execPath, process.argv.slice(1), { stdio: 'inherit' }); setInterval(() => {}, 1e9);",
		);
	const child = spawn(process.execPath, ["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", ...nodeArgs, ...script], {
		cwd: paths.portal,
		env: {
			...inherited,
			PORT: String(ports.site),
			CMS_PORT: String(ports.cms),
			AIDE_SITE_SERVICE_URL: `http://127.0.0.1:${ports.service}`,
			AIDE_DATA_DIR: dataDir,
			AIDE_SITE_OUT_DIR: join(work, "dist"),
			AIDE_ADMIN_EMAIL: ADMIN.email,
			AIDE_ADMIN_PASSWORD: ADMIN.password,
			AIDE_BACKUP_AT: "off",
			...env,
		},
		stdio: ["ignore", "pipe", "pipe"],
		// ownGroup: a process group of its own, as a terminal or a service manager gives it, to signal as a whole.
		detached: ownGroup,
	});
	let output = "";
	child.stdout?.on("data", (chunk) => {
		output += chunk;
	});
	child.stderr?.on("data", (chunk) => {
		output += chunk;
	});
	return {
		child,
		ports,
		dataDir,
		output: () => output,
		async waitFor(pattern, timeoutMs, from = 0) {
			const deadline = Date.now() + timeoutMs;
			const seen = () => (typeof pattern === "string" ? output.slice(from).includes(pattern) : pattern.test(output.slice(from)));
			while (!seen()) {
				if (child.exitCode !== null || child.signalCode !== null)
					throw new Error(`npm start exited (${child.signalCode ?? child.exitCode}) before printing ${pattern}:\n${output}`);
				if (Date.now() > deadline) throw new Error(`npm start did not print ${pattern} within ${timeoutMs / 1000} s:\n${output}`);
				await sleep(200);
			}
		},
		cmsPid: () => processTree(child.pid ?? 0).find((pid) => cmdline(pid).includes("scripts/serve.mts")),
		siteToken: () => readFileSync(dataFiles(dataDir).tokens.site, "utf8").trim(),
	};
}

/** True when something at 127.0.0.1 holds `port`: binding it fails. */
export function portHeld(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once("error", () => resolve(true));
		server.listen({ host: "127.0.0.1", port, exclusive: true }, () => server.close(() => resolve(false)));
	});
}
