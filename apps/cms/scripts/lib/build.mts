// Builds the Strapi app only when its inputs changed: the server code (config/, src/) is compiled
// with tsc in a few seconds; the admin panel (about a minute and 2 GB) is rebuilt only when its own
// inputs (src/admin/, dependencies, Node version) change.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { SECRET_NAMES } from "@aide/config";
import { appDir } from "./paths.mts";

const require = createRequire(import.meta.url);
const distDir = join(appDir, "dist");
const repoRoot = join(appDir, "..", "..");
const serverStamp = join(distDir, ".aide-server-hash");
const adminStamp = join(distDir, "build", ".aide-admin-hash");

function listFiles(dir: string, skip: (path: string) => boolean = () => false): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, encoding: "utf8" })
		.map((name) => join(dir, name))
		.filter((path) => !skip(path) && statSync(path).isFile())
		.sort();
}

function hashOf(files: string[]): string {
	const hash = createHash("sha256").update(process.version).update(dependencies());
	for (const file of files) hash.update(relative(repoRoot, file)).update(readFileSync(file));
	return hash.digest("hex");
}

/** The installed dependencies: the lockfile and the app's dependency lists (not its scripts). */
function dependencies(): string {
	const manifest = JSON.parse(readFileSync(join(appDir, "package.json"), "utf8"));
	const lockfile = join(repoRoot, "pnpm-lock.yaml");
	return JSON.stringify([manifest.dependencies, manifest.devDependencies, existsSync(lockfile) ? readFileSync(lockfile, "utf8") : ""]);
}

function serverHash(): string {
	const adminDir = join(appDir, "src", "admin");
	return hashOf([
		...listFiles(join(appDir, "config")),
		...listFiles(join(appDir, "src"), (path) => path.startsWith(adminDir)),
		join(appDir, "tsconfig.json"),
		join(repoRoot, "tsconfig.json"),
	]);
}

function adminHash(): string {
	// The admin also bundles the content manager's labels and the content types' names (src/admin/field-labels.ts).
	const bundled = [
		join(appDir, "src", "bootstrap", "content-manager-texts.ts"),
		...listFiles(join(appDir, "src", "api")).filter((path) => path.endsWith("schema.json")),
	];
	return hashOf([...listFiles(join(appDir, "src", "admin")), ...bundled]);
}

const upToDate = (stamp: string, hash: string) => existsSync(stamp) && readFileSync(stamp, "utf8") === hash;

function run(script: string, args: string[], what: string, env: NodeJS.ProcessEnv = process.env): void {
	const result = spawnSync(process.execPath, [script, ...args], { cwd: appDir, stdio: "inherit", env });
	if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}). The output above says why.`);
}

/**
 * `strapi build` loads the app's config, which refuses to load without secrets. The build uses none
 * of them, so it gets throwaway ones and a throwaway data folder: building never touches real data.
 */
function withBuildEnv(build: (env: NodeJS.ProcessEnv) => void): void {
	const dataDir = mkdtempSync(join(tmpdir(), "aide-cms-build-"));
	try {
		const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, randomBytes(24).toString("base64")]));
		build({ ...process.env, ...secrets, AIDE_DATA_DIR: dataDir, DATABASE_CLIENT: "sqlite", DATABASE_URL: "" });
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}

/** Compiles the server and builds the admin panel when, and only when, their inputs changed. */
export function ensureBuild({ log = console.log }: { log?: (message: string) => void } = {}): void {
	const admin = adminHash();
	const server = serverHash();
	if (!upToDate(adminStamp, admin)) {
		log("Building the CMS admin panel (about a minute, once)...");
		const strapiCli = join(require.resolve("@strapi/strapi/package.json"), "..", "bin", "strapi.js");
		withBuildEnv((env) => run(strapiCli, ["build"], "strapi build", env));
		writeFileSync(adminStamp, admin);
		writeFileSync(serverStamp, server);
		return;
	}
	if (upToDate(serverStamp, server)) return;
	log("Compiling the CMS server code...");
	for (const name of readdirSync(distDir)) if (name !== "build") rmSync(join(distDir, name), { recursive: true, force: true });
	run(require.resolve("typescript/bin/tsc"), ["-p", "tsconfig.json"], "Compiling the CMS (tsc)");
	writeFileSync(serverStamp, server);
}
