// `npm start`: the whole portal on this machine. Serves the site on http://127.0.0.1:4321 (HOST /
// PORT override) and runs the site service on AIDE_SITE_SERVICE_URL (http://127.0.0.1:4322), where
// the CMS's webhook asks for rebuilds and its Preview button opens drafts; starts the CMS (apps/cms,
// with the demo content on an empty database) on CMS_HOST / CMS_PORT (127.0.0.1:1337); then builds
// the site. Ctrl-C stops everything.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scheduleBackups } from "../../cms/scripts/lib/backup-schedule.mts";
import { ensureSecrets } from "../../cms/scripts/lib/secrets.mts";
import { adminCredentialsFile } from "../../cms/src/bootstrap/first-admin.ts";
import { ConfigError, dataDirFrom, readSettings, type Settings, secretsFileIn } from "../../cms/src/settings.ts";
import { type SiteService, startSiteService } from "../server/site-service.ts";
import { distPath } from "./lib/builds.ts";

const cmsDir = fileURLToPath(new URL("../../cms/", import.meta.url));
const env = process.env;
const say = (message: string) => console.log(`aide: ${message}`);
const fail = (message: string): never => {
	console.error(`\naide: the portal did not start. ${message}`);
	process.exit(1);
};

function port(name: string, fallback: number): number {
	const raw = env[name]?.trim();
	if (!raw) return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1 || value > 65535) fail(`${name} must be a port number from 1 to 65535, not "${raw}".`);
	return value;
}

const site = { host: env.HOST?.trim() || "127.0.0.1", port: port("PORT", 4321) };
// The CMS reads HOST / PORT; under the portal those name the site, so the CMS gets CMS_HOST / CMS_PORT.
const cmsEnv = { ...env, HOST: env.CMS_HOST?.trim() || "127.0.0.1", PORT: String(port("CMS_PORT", 1337)) };

// The secrets the CMS and the site service share exist before either starts (the CMS would make them too).
const secretsFile = secretsFileIn(dataDirFrom(cmsEnv, cmsDir));
const generated = ensureSecrets(secretsFile, cmsEnv);
if (generated.length > 0) say(`generated ${generated.join(", ")} into ${secretsFile}`);
let settings: Settings;
try {
	settings = readSettings(cmsEnv, cmsDir);
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	settings = fail(error.message);
}
const cmsUrl = `http://${settings.host === "0.0.0.0" ? "127.0.0.1" : settings.host}:${settings.port}`;
const serviceUrl = new URL(settings.siteServiceUrl);
const dist = distPath();

let cms: ChildProcess | undefined;
let service: SiteService | undefined;
let stopping = false;
let nightly: ReturnType<typeof scheduleBackups>;

async function stop(code: number): Promise<never> {
	if (stopping) process.exit(code);
	stopping = true;
	say("stopping...");
	nightly?.stop();
	await service?.close();
	if (cms && cms.exitCode === null && cms.signalCode === null) {
		const exited = new Promise((resolve) => cms?.once("exit", resolve));
		cms.kill("SIGTERM");
		const timer = setTimeout(() => cms?.kill("SIGKILL"), 10_000);
		await exited;
		clearTimeout(timer);
	}
	say("stopped.");
	process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

/** Starts the CMS's own launcher and resolves once it says it is ready; its output goes through. */
function startCms(): Promise<ChildProcess> {
	const child = spawn(process.execPath, ["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "scripts/serve.mts"], {
		cwd: cmsDir,
		env: cmsEnv,
		stdio: ["ignore", "pipe", "inherit"],
	});
	return new Promise((resolve, reject) => {
		let ready = false;
		let pending = "";
		child.stdout.on("data", (chunk: Buffer) => {
			process.stdout.write(chunk);
			pending = (pending + chunk.toString()).slice(-4096);
			if (!ready && pending.includes("aide: the CMS is ready")) {
				ready = true;
				resolve(child);
			}
		});
		child.once("exit", (code, signal) => {
			if (!ready) reject(new Error(`The CMS stopped before it was ready (${signal ?? `exit ${code}`}); its output above says why.`));
		});
	});
}

// The servers first: a port in use stops the start before the CMS's slower one.
try {
	service = await startSiteService({
		dist,
		public: site,
		service: { host: serviceUrl.hostname, port: Number(serviceUrl.port || 80) },
		webhookSecret: settings.secrets.AIDE_WEBHOOK_SECRET,
		previewSecret: settings.secrets.AIDE_PREVIEW_SECRET,
		cmsOrigin: new URL(settings.publicUrl ?? cmsUrl).origin,
		buildEnv: { ...env, CMS_URL: cmsUrl, AIDE_DATA_DIR: settings.dataDir },
		// The CMS's webhook calls while it loads the demo content wait for the first build.
		holdRebuilds: true,
	});
} catch (error) {
	fail(
		`${(error as Error).message} The site's port is set with PORT, the site service's with AIDE_SITE_SERVICE_URL, the CMS's with CMS_PORT.`,
	);
}

try {
	cms = await startCms();
} catch (error) {
	console.error(`\naide: the portal did not start. ${(error as Error).message}`);
	await stop(1);
}
// Readers keep the last good site if the CMS stops; publishing needs it back.
cms?.once("exit", (code, signal) => {
	if (stopping) return;
	console.error(
		`\naide: the CMS stopped (${signal ?? `exit ${code}`}); its output above says why. The site is still served from the last good build; stop with Ctrl-C and run npm start again to publish.`,
	);
});

say("building the site from the CMS...");
service?.rebuilder.request("start");
service?.rebuilder.resume();
await service?.rebuilder.idle();
if (!service?.reports.at(-1)?.ok) {
	say(
		existsSync(dist)
			? "the site could not be rebuilt (see above); readers get the previous build until a publish rebuilds it."
			: "the site could not be built (see above); it answers 503 until a publish in the CMS rebuilds it.",
	);
}
nightly = scheduleBackups(settings, say);
const credentials = adminCredentialsFile(settings.dataDir);
console.log(
	[
		"",
		"aide: the portal is ready (Ctrl-C stops it)",
		`  site:       ${service?.publicUrl}/  (fr and en)`,
		`  CMS admin:  ${cmsUrl}/admin`,
		`  log in as ${settings.firstAdmin.email ?? "admin@aide.localhost"}, ${
			settings.firstAdmin.password
				? "with AIDE_ADMIN_PASSWORD"
				: existsSync(credentials)
					? `password in ${credentials}`
					: "with the password you set"
		}`,
		"  publishing in the CMS rebuilds the site; its Preview button shows drafts.",
		nightly
			? `  backups:    every night at ${settings.backups.at} into ${settings.backups.dir}, the ${settings.backups.keep} newest kept (AIDE_BACKUP_AT=off: none)`
			: "  backups:    no nightly backup (AIDE_BACKUP_AT=off); npm run backup takes one",
		"",
	].join("\n"),
);
