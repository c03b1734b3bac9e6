#!/usr/bin/env node
// The self-setting-up entry point behind every root script: `npm start`, `npm test`, `npm run cms`,
// `build`, `import`, `export`, `translations`, `backup`... (TASKS below lists them all).
//
// Two Node versions are at play. The project runs on Node >= 22.12 (`engines` in package.json;
// `.node-version` names the exact one). This file runs first, on whatever Node runs npm, which may be
// older (it is written for Node >= 18; the machines ship Node 20): on first use it fetches the Node of
// `.node-version` from the npm registry when the running Node is older than 22.12, installs the pnpm
// pinned in `packageManager`, installs the workspace from the frozen lockfile, then runs the real task
// under the project's Node. All of it lands in the git-ignored `.tools/` folder and `node_modules/`;
// nothing global is changed. Later runs skip every step whose inputs did not change.
//
// Plain JavaScript on purpose: this file must run before TypeScript, pnpm or Node 24 exist.

import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const toolsDir = join(root, ".tools");
const MIN_NODE = [22, 12];

/**
 * What each entry point runs once the workspace is ready, in order: pnpm commands, or (`script`) a
 * workspace script run with the project's Node from the directory npm was started in, so that paths
 * on the command line mean what the user meant.
 * @type {Record<string, { system: string[], steps: Array<string[] | { script: string, args: string[] }> }>}
 */
const TASKS = {
	// --silent: the CMS speaks for itself, and Ctrl-C does not end in an error report from pnpm.
	cms: { system: [], steps: [["--silent", "--filter", "@aide/cms", "run", "serve"]] },
	start: { system: [], steps: [{ script: "apps/portal/src/start.ts", args: [] }] },
	import: { system: [], steps: [{ script: "packages/faq-import/src/cli.ts", args: ["import"] }] },
	export: { system: [], steps: [{ script: "packages/faq-import/src/cli.ts", args: ["export"] }] },
	translations: { system: [], steps: [{ script: "packages/faq-import/src/cli.ts", args: ["translations"] }] },
	build: { system: [], steps: [{ script: "apps/site/scripts/build.ts", args: [] }] },
	snapshot: { system: [], steps: [{ script: "apps/site/scripts/snapshot.ts", args: [] }] },
	preview: { system: [], steps: [{ script: "apps/portal/src/preview.ts", args: [] }] },
	bench: { system: ["chromium"], steps: [{ script: "bench/src/bench.ts", args: [] }] },
	backup: { system: [], steps: [{ script: "apps/cms/scripts/backup.mts", args: [] }] },
	restore: { system: [], steps: [{ script: "apps/cms/scripts/restore.mts", args: [] }] },
	load: { system: [], steps: [{ script: "bench/src/load.ts", args: [] }] },
	lighthouse: { system: ["chromium"], steps: [{ script: "e2e/audit/lighthouse.ts", args: [] }] },
	screenshots: { system: ["chromium"], steps: [{ script: "e2e/audit/screenshots.ts", args: [] }] },
	test: {
		system: ["postgresql", "chromium"],
		steps: [
			["run", "typecheck"],
			["run", "lint"],
			["run", "vitest"],
			// Before the journeys, which take the extra arguments of `npm test -- ...`.
			{ script: "e2e/audit/lighthouse.ts", args: [] },
			["--filter", "@aide/e2e", "run", "test"],
		],
	},
};

/** The CMS's TypeScript is CommonJS to Strapi but ES modules to Node, which warns about it when scripts import it. */
const SCRIPT_NODE_OPTIONS = ["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON"];

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`\naide: ${message}`);
	process.exit(1);
}

/** @param {string} message */
function log(message) {
	console.log(`aide: ${message}`);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").SpawnSyncOptions} [options]
 */
function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
	if (result.error) fail(`could not run ${command}: ${result.error.message}`);
	return result.status ?? 1;
}

/**
 * Runs a task's step and resolves with its exit code. Not spawnSync: this process must stay able to
 * pass on the signals it gets (SIGTERM from a service manager or from npm, SIGHUP), or `npm start`
 * stopped that way would leave the portal running with its ports. SIGINT and SIGHUP are passed on only
 * without a terminal: with one, Ctrl-C and a hang-up already reach the whole foreground group, the
 * step included (which counts a burst of signals as one anyway).
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").SpawnOptions} options
 * @returns {Promise<number>}
 */
function runStep(command, args, options) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: "inherit", cwd: root, ...options });
		/** @param {NodeJS.Signals} signal */
		const forward = (signal) => {
			if (signal === "SIGTERM" || !process.stdin.isTTY) child.kill(signal);
		};
		const signals = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);
		for (const signal of signals) process.on(signal, forward);
		// npm itself exits on SIGTERM without passing it on: when whoever started this is gone, the step
		// is told to stop, as it would have been.
		const parent = process.ppid;
		const orphaned = setInterval(() => {
			if (process.ppid !== parent) {
				clearInterval(orphaned);
				child.kill("SIGTERM");
			}
		}, 1000);
		child.once("error", (error) => fail(`could not run ${command}: ${error.message}`));
		child.once("exit", (code, signal) => {
			clearInterval(orphaned);
			for (const name of signals) process.off(name, forward);
			resolve(code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1));
		});
	});
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").SpawnSyncOptions} options
 * @param {string} what
 */
function mustRun(command, args, options, what) {
	const status = run(command, args, options);
	if (status !== 0) fail(`${what} failed (exit ${status}). The output above says why; fix it and run the command again.`);
}

/** @param {string} version @param {number[]} minimum */
function versionAtLeast(version, [major = 0, minor = 0]) {
	const [a = 0, b = 0] = version.replace(/^v/, "").split(".").map(Number);
	return a > major || (a === major && b >= minor);
}

/** Returns the directory holding `bin/node` for the project's Node, fetching it when needed. */
function ensureNode() {
	if (versionAtLeast(process.version, MIN_NODE)) return dirname(dirname(process.execPath));
	const version = readFileSync(join(root, ".node-version"), "utf8").trim();
	const target = join(toolsDir, `node-v${version}`);
	if (existsSync(join(target, "bin", "node"))) return target;

	const pkg = `node-${process.platform}-${process.arch}@${version}`;
	log(`Node ${process.version} is older than ${MIN_NODE.join(".")}; fetching ${pkg} from the npm registry (once).`);
	mkdirSync(toolsDir, { recursive: true });
	const scratch = mkdtempSync(join(tmpdir(), "aide-node-"));
	try {
		const packed = spawnSync("npm", ["pack", pkg, "--silent", "--pack-destination", scratch], {
			cwd: scratch,
			encoding: "utf8",
			stdio: ["ignore", "pipe", "inherit"],
		});
		if (packed.status !== 0) {
			fail(
				`could not download ${pkg} from the npm registry. Check the network or install Node ${version} yourself and run the command with it.`,
			);
		}
		const tarball = join(scratch, packed.stdout.trim().split("\n").pop() ?? "");
		mustRun("tar", ["-xzf", tarball, "-C", scratch], {}, `Unpacking ${tarball}`);
		rmSync(target, { recursive: true, force: true });
		renameSync(join(scratch, "package"), target);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	if (!existsSync(join(target, "bin", "node"))) fail(`${pkg} holds no bin/node; remove ${target} and try again.`);
	return target;
}

/**
 * Returns the path of pnpm's entry script, installing the pinned pnpm into `.tools/` when needed.
 * @param {string} nodeBin
 */
function ensurePnpm(nodeBin) {
	const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
	const version = manifest.packageManager.replace(/^pnpm@/, "");
	const prefix = join(toolsDir, `pnpm-${version}`);
	const entry = join(prefix, "node_modules", "pnpm", "bin", "pnpm.cjs");
	if (existsSync(entry)) return entry;
	log(`installing pnpm ${version} into .tools/ (once).`);
	mustRun(
		nodeBin,
		[npmCli(), "install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", `pnpm@${version}`],
		{},
		`Installing pnpm ${version}`,
	);
	return entry;
}

/** npm's own CLI script, so that npm runs under the same Node that runs this file. */
function npmCli() {
	const candidates = [process.env.npm_execpath, join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js")];
	const found = candidates.find((file) => file?.endsWith("npm-cli.js") && existsSync(file));
	if (!found) fail("could not find npm's npm-cli.js. Run this through `npm run ...` or `npm start`.");
	return found;
}

/** @param {string[]} files */
function hashFiles(files) {
	const hash = createHash("sha256");
	for (const file of files) {
		hash.update(file);
		hash.update(existsSync(join(root, file)) ? readFileSync(join(root, file)) : "");
	}
	return hash.digest("hex");
}

/**
 * Installs the workspace from the frozen lockfile unless the same lockfile is already installed.
 * @param {string} pnpm
 * @param {NodeJS.ProcessEnv} env
 * @param {string} nodeBin
 */
function ensureInstall(pnpm, env, nodeBin) {
	const stamp = join(root, "node_modules", ".aide-install");
	const key = `${hashFiles(["pnpm-lock.yaml", "pnpm-workspace.yaml", "package.json"])} ${nodeBin}`;
	if (existsSync(stamp) && readFileSync(stamp, "utf8") === key) return;
	log("installing the workspace from pnpm-lock.yaml.");
	mustRun(nodeBin, [pnpm, "install", "--frozen-lockfile"], { env }, "pnpm install --frozen-lockfile");
	writeFileSync(stamp, key);
}

/**
 * Installs Debian packages a task needs when their programs are missing (tests only, and only as root).
 * @param {string[]} names
 */
function ensureSystemPackages(names) {
	/** @type {Record<string, () => string | undefined>} */
	const probes = {
		postgresql: () => findPostgresBin("initdb"),
		chromium: () => (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
	};
	const missing = names.filter((name) => !probes[name]?.());
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0) {
		fail(`the tests need these Debian packages: ${missing.join(", ")}. Install them with: sudo apt-get install -y ${missing.join(" ")}`);
	}
	log(`installing Debian packages: ${missing.join(", ")}.`);
	mustRun("apt-get", ["update", "-qq"], {}, "apt-get update");
	mustRun(
		"apt-get",
		["install", "-y", "-qq", "--no-install-recommends", ...missing],
		{
			env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
		},
		`apt-get install ${missing.join(" ")}`,
	);
}

/**
 * Finds a PostgreSQL program on PATH or in Debian's versioned folders.
 * @param {string} name
 */
function findPostgresBin(name) {
	for (const dir of (process.env.PATH ?? "").split(delimiter)) {
		if (dir && existsSync(join(dir, name))) return join(dir, name);
	}
	const versions = ["17", "16", "15", "14"];
	const dir = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => existsSync(join(d, name)));
	return dir ? join(dir, name) : undefined;
}

async function main() {
	const [taskName, ...extra] = process.argv.slice(2);
	const task = taskName === undefined ? undefined : TASKS[taskName];
	if (!task) fail(`unknown task "${taskName ?? ""}". Known tasks: ${Object.keys(TASKS).join(", ")}.`);

	const nodeHome = ensureNode();
	const nodeBin = join(nodeHome, "bin", "node");
	const pnpm = ensurePnpm(nodeBin);
	const env = {
		...process.env,
		// `pnpm` itself must be on PATH too: package scripts call it.
		PATH: [join(nodeHome, "bin"), join(dirname(pnpm), "..", "..", ".bin"), process.env.PATH].join(delimiter),
		// Native addons must build against the Node that runs them, not the machine's.
		npm_config_nodedir: nodeHome,
		COREPACK_ENABLE_STRICT: "0",
	};
	ensureInstall(pnpm, env, nodeBin);
	ensureSystemPackages(task.system);

	for (const [index, step] of task.steps.entries()) {
		const last = index === task.steps.length - 1 ? extra : [];
		const status = Array.isArray(step)
			? await runStep(nodeBin, [pnpm, ...step, ...last], { env })
			: await runStep(nodeBin, [...SCRIPT_NODE_OPTIONS, join(root, step.script), ...step.args, ...last], {
					env,
					cwd: process.env.INIT_CWD ?? process.cwd(),
				});
		if (status !== 0) process.exit(status);
	}
}

await main();
