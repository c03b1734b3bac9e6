// `npm start`: the whole portal on this machine. Serves the site on http://127.0.0.1:4321 (HOST /
// PORT override) and runs the site service on AIDE_SITE_SERVICE_URL (http://127.0.0.1:4322), where
// the CMS's webhook asks for rebuilds and its Preview button opens drafts; starts the CMS (apps/cms,
// with the demo content on an empty database) on CMS_HOST / CMS_PORT (127.0.0.1:1337); then builds
// the site. Ctrl-C stops everything.
//
// A CMS that stops is started again (supervise.ts); the site stays served meanwhile. Nothing this
// starts outlives it: Ctrl-C, SIGTERM, SIGHUP and a crash stop the CMS and the build processes before
// the portal exits, and if the portal is killed outright (SIGKILL), the CMS sees its stdin pipe close
// (exit-with-portal.ts) and the build processes their IPC channel, and each stops on its own.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { saysCmsIsReady } from "@aide/cms-contract";
import { ConfigError, dataFiles, ensureSecrets, paths, sharedSecrets } from "@aide/config";
import { localeCodes } from "@aide/locales";
import { scheduleBackups } from "./backup-schedule.ts";
import { type SiteService, startSiteService } from "./server/site-service.ts";
import { type PortalSettings, readPortalSettings } from "./settings.ts";
import { type Launch, Supervisor } from "./supervise.ts";

const exitWithPortal = fileURLToPath(new URL("./exit-with-portal.ts", import.meta.url));
const env = process.env;
const say = (message: string) => console.log(`aide: ${message}`);
const fail = (message: string): never => {
	console.error(`\naide: the portal did not start. ${message}`);
	process.exit(1);
};

function prepare(): { settings: PortalSettings; secrets: { webhook: string; preview: string } } {
	try {
		const settings = readPortalSettings(env);
		// The secrets the CMS and the site service share exist before either starts (the CMS would make them too).
		const secretsFile = dataFiles(settings.dataDir).secrets;
		const generated = ensureSecrets(secretsFile, env);
		if (generated.length > 0) say(`generated ${generated.join(", ")} into ${secretsFile}`);
		const secrets = sharedSecrets(env, settings.dataDir);
		checkCmsSettings();
		return { settings, secrets };
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		return fail(error.message);
	}
}

/** The CMS checks its own settings (its program, not its code: apps never import each other), before any port opens. */
function checkCmsSettings(): void {
	const checked = spawnSync(
		process.execPath,
		["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", join(paths.cms, "scripts", "check-settings.mts")],
		{ cwd: paths.cms, env, encoding: "utf8" },
	);
	if (checked.status !== 0)
		throw new ConfigError(checked.stderr.trim() || `the CMS's settings check stopped (${checked.signal ?? checked.status}).`);
}
const { settings, secrets } = prepare();
const { cmsUrl, dist } = settings;

let service: SiteService | undefined;
let stopping = false;
let nightly: ReturnType<typeof scheduleBackups>;

/** Starts the CMS's own launcher; `ready` resolves once it says it is ready. Its output goes through. */
function launchCms(): Launch {
	const child = spawn(
		process.execPath,
		["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "--import", exitWithPortal, "scripts/serve.mts"],
		{
			cwd: paths.cms,
			env,
			// stdin: the pipe whose end tells the CMS that the portal is gone (see exit-with-portal.ts).
			stdio: ["pipe", "pipe", "pipe"],
			// Its own process group (see supervise.ts).
			detached: true,
		},
	);
	child.stderr.pipe(process.stderr);
	const ready = new Promise<void>((resolve, reject) => {
		let ready = false;
		let pending = "";
		child.stdout.on("data", (chunk: Buffer) => {
			process.stdout.write(chunk);
			pending = (pending + chunk.toString()).slice(-4096);
			if (!ready && saysCmsIsReady(pending)) {
				ready = true;
				resolve();
			}
		});
		child.once("exit", (code, signal) => {
			if (!ready) reject(new Error(`The CMS stopped before it was ready (${signal ?? `exit ${code}`}); its output above says why.`));
		});
	});
	return { child, ready };
}

// Readers keep the last good site while the CMS is away; once it is back, a rebuild catches up with
// what was published just before it stopped.
const cms = new Supervisor({
	what: "the CMS",
	launch: launchCms,
	log: (message) => console.error(`\naide: ${message} The site is still served from the last good build.`),
	onRestarted: (restarts) => {
		say(`the CMS is back (restart ${restarts}); rebuilding the site from it.`);
		service?.rebuilder.request("the CMS restarted");
	},
});

async function stop(code: number): Promise<never> {
	if (stopping) process.exit(code);
	stopping = true;
	say("stopping...");
	// Whatever hangs, the portal still exits (and "exit" below still stops the CMS).
	setTimeout(() => process.exit(code), 30_000).unref();
	nightly?.stop();
	await service?.close();
	await cms.stop();
	say("stopped.");
	process.exit(code);
}
// One stop for a burst of signals: a closing terminal or a service manager sends SIGHUP or SIGTERM to
// the whole group, so it arrives here and again through scripts/aide.mjs. Only a second Ctrl-C, a
// second or more after the first, means "stop at once".
let firstSignalAt = 0;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
	process.on(signal, () => {
		if (!stopping) {
			firstSignalAt = Date.now();
			void stop(0);
		} else if (signal === "SIGINT" && Date.now() - firstSignalAt > 1_000) {
			say("stopping at once (a second Ctrl-C).");
			process.exit(0);
		}
	});
}
// A bug in the portal stops everything in order, rather than leaving the CMS running without it.
const crashed = (error: unknown) => {
	console.error("\naide: the portal failed:", error);
	if (!stopping) void stop(1);
};
process.on("uncaughtException", crashed);
process.on("unhandledRejection", crashed);
// Any exit that skipped stop() (process.exit on a start-up error, a second Ctrl-C): the CMS and the
// build processes are told to stop, without waiting (nothing can wait here).
process.on("exit", () => {
	cms.stopNow();
	for (const pid of service?.buildPids() ?? []) {
		try {
			process.kill(pid, "SIGTERM");
		} catch {
			// Already gone.
		}
	}
});

// The servers first: a port in use stops the start before the CMS's slower one.
try {
	service = await startSiteService({
		dist,
		public: settings.site,
		service: settings.service,
		webhookSecret: secrets.webhook,
		previewSecret: secrets.preview,
		cmsOrigin: settings.cmsOrigin,
		// The pages send reader insights to this portal's public server unless the operator named another endpoint.
		buildEnv: { ...env, CMS_URL: cmsUrl, AIDE_DATA_DIR: settings.dataDir, AIDE_INSIGHTS_URL: settings.insights.url },
		insights: { ...settings.insights, cmsUrl },
		// The CMS's webhook calls while it loads the demo content wait for the first build.
		holdRebuilds: true,
	});
} catch (error) {
	fail(
		`${(error as Error).message} The site's port is set with PORT, the site service's with AIDE_SITE_SERVICE_URL, the CMS's with CMS_PORT.`,
	);
}

/** While stop() runs (a signal came during the start), the start goes no further: stop() exits. */
const untilStopped = () => new Promise<never>(() => undefined);

try {
	await cms.start();
} catch (error) {
	if (stopping) await untilStopped();
	console.error(`\naide: the portal did not start. ${(error as Error).message}`);
	await stop(1);
}

say("building the site from the CMS...");
service?.rebuilder.request("start");
service?.rebuilder.resume();
await service?.rebuilder.idle();
if (stopping) await untilStopped();
if (!service?.reports.at(-1)?.ok) {
	say(
		existsSync(dist)
			? "the site could not be rebuilt (see above); readers get the previous build until a publish rebuilds it."
			: "the site could not be built (see above); it answers 503 until a publish in the CMS rebuilds it.",
	);
}
nightly = scheduleBackups(settings.backups.at, env, say);
const credentials = settings.adminCredentialsFile;
console.log(
	[
		"",
		"aide: the portal is ready (Ctrl-C stops it)",
		`  site:       ${service?.publicUrl}/  (${localeCodes.join(", ")})`,
		`  CMS admin:  ${cmsUrl}/admin`,
		`  log in as ${settings.adminEmail}, ${
			settings.adminPasswordSet
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
