// Starts the real CMS the way `npm run cms` does (apps/cms/scripts/serve.mts), on a free port and a temporary
// data folder, and stops it. Used by the integration tests; nothing here is a fake.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { saysCmsIsReady } from "@aide/cms-contract";
import { dataFiles, paths, sharedSecrets } from "@aide/config";
import { freePort } from "./free-port.ts";

const appDir = paths.cms;

export const ADMIN = { email: "admin@aide.test", password: "Admin-pass-2026" };

export interface RunningCms {
	readonly url: string;
	readonly dataDir: string;
	readonly pid: number | undefined;
	/** Everything the process printed so far. */
	output(): string;
	/** The site build's token, as the CMS wrote it into the data folder. */
	siteToken(): string;
	/** The import's admin token, as the CMS wrote it into the data folder. */
	importToken(): string;
	/** The portal's insights token (it may only record reader insights), as the CMS wrote it into the data folder. */
	insightsToken(): string;
	/** The secrets the CMS shares with the site service, as it generated them into the data folder. */
	sharedSecrets(): { webhook: string; preview: string };
	/** Logs in to the admin API and returns the JWT. */
	adminToken(credentials?: { email: string; password: string }): Promise<string>;
	stop(): Promise<void>;
}

export interface StartOptions {
	env?: Record<string, string | undefined>;
	/** Reuse a data folder (to test a restart); a new temporary one otherwise. */
	dataDir?: string;
	/** Keep the data folder after stop (the caller removes it). */
	keepData?: boolean;
	/** Load the demo content on first start, as `npm run cms` does; off by default so tests start empty. */
	demo?: boolean;
	/** The Strapi app to run: the workspace's own by default, another copy's apps/cms for a test that edits a copy. */
	appDir?: string;
}

/** Runs `scripts/serve.mts` to completion and returns its exit code and output (for start-up errors). */
export async function runServe(
	env: Record<string, string | undefined>,
	timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
	const child = spawnServe(env);
	let output = "";
	child.stdout?.on("data", (chunk) => {
		output += chunk;
	});
	child.stderr?.on("data", (chunk) => {
		output += chunk;
	});
	const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
	const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
	clearTimeout(timer);
	return { code, output };
}

function spawnServe(env: Record<string, string | undefined>, cwd = appDir): ChildProcess {
	const { NODE_ENV: _testEnv, VITEST: _vitest, ...inherited } = process.env;
	return spawn(process.execPath, ["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "scripts/serve.mts"], {
		cwd,
		env: { ...inherited, ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
}

/** Starts the CMS and resolves once the launcher says it is ready. */
export async function startCms(options: StartOptions = {}): Promise<RunningCms> {
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "aide-cms-"));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawnServe(
		{
			CMS_HOST: "127.0.0.1",
			CMS_PORT: String(port),
			AIDE_DATA_DIR: dataDir,
			AIDE_ADMIN_EMAIL: ADMIN.email,
			AIDE_ADMIN_PASSWORD: ADMIN.password,
			AIDE_DEMO_CONTENT: options.demo ? "true" : "false",
			...options.env,
		},
		options.appDir,
	);
	let output = "";
	child.stdout?.on("data", (chunk) => {
		output += chunk;
	});
	child.stderr?.on("data", (chunk) => {
		output += chunk;
	});
	const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));

	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`The CMS exited with ${child.exitCode} before answering:\n${output}`);
		if (Date.now() > deadline) {
			child.kill("SIGKILL");
			throw new Error(`The CMS did not say it was ready within 120 s:\n${output}`);
		}
		// The launcher says when it is ready (after the demo content); /_health answers earlier.
		if (saysCmsIsReady(output)) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}

	return {
		url,
		dataDir,
		pid: child.pid,
		output: () => output,
		siteToken: () => readFileSync(dataFiles(dataDir).tokens.site, "utf8").trim(),
		importToken: () => readFileSync(dataFiles(dataDir).tokens.import, "utf8").trim(),
		insightsToken: () => readFileSync(dataFiles(dataDir).tokens.insights, "utf8").trim(),
		sharedSecrets: () => sharedSecrets({}, dataDir),
		async adminToken(credentials = ADMIN) {
			const response = await fetch(`${url}/admin/login`, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: JSON.stringify(credentials),
			});
			const body = (await response.json()) as { data?: { token?: string } };
			if (!response.ok || !body.data?.token)
				throw new Error(`Admin login as ${credentials.email} failed: ${response.status} ${JSON.stringify(body)}`);
			return body.data.token;
		},
		async stop() {
			if (child.exitCode === null) {
				child.kill("SIGTERM");
				const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
				await exited;
				clearTimeout(timer);
			}
			if (!options.keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
		},
	};
}
