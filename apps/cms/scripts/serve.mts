// `npm run cms`: starts the CMS on 127.0.0.1:1337 (CMS_HOST / CMS_PORT override; HOST / PORT name the public site).
//
// On the way it puts content-models/ into src/api/, generates missing secrets into the data
// folder, checks every setting, checks the port, builds what changed, and starts Strapi in this
// process. Any problem ends the start with one message that says what to do.

import { createRequire } from "node:module";
import { cmsReadyLine } from "@aide/cms-contract";
import { dataDir, dataFiles, ensureSecrets, localUrl } from "@aide/config";
import { ContentModelError } from "@aide/content-schema";
import { ConfigError, readSettings } from "../src/settings.ts";
import { ensureBuild } from "./lib/build.mts";
import { loadDemoContent } from "./lib/demo-content.mts";
import { appDir } from "./lib/paths.mts";
import { assertPortFree, PortError } from "./lib/port.mts";
import { makeFilesPrivate, makePrivate } from "./lib/private-modes.mts";
import { takeStartLock } from "./lib/start-lock.mts";
import { syncContentModels } from "./lib/sync-models.mts";

// Production mode: the content-type builder is read-only (content-models/ is the source) and errors
// stay terse. Set before Strapi loads, as loading it defaults NODE_ENV to development.
process.env.NODE_ENV ??= "production";

// Strapi's ESM build does not load under Node (it imports directories); its CommonJS build does.
const { createStrapi } = createRequire(import.meta.url)("@strapi/strapi") as typeof import("@strapi/strapi");

async function main(): Promise<void> {
	process.chdir(appDir);

	const sync = syncContentModels();
	if (sync.changed.length > 0) console.log(`aide: updated src/api from content-models/: ${sync.changed.join(", ")}`);

	const secretsFile = dataFiles(dataDir(process.env)).secrets;
	const generated = ensureSecrets(secretsFile, process.env);
	if (generated.length > 0) console.log(`aide: generated ${generated.join(", ")} into ${secretsFile}`);

	const settings = readSettings();
	// At every start, whatever modes the data was given (a copy, a restore, an older version): the owner's only.
	makePrivate(settings.dataDir);
	const { database } = settings;
	if (database.client === "sqlite") makeFilesPrivate(["", "-wal", "-shm", "-journal"].map((suffix) => `${database.filename}${suffix}`));
	await assertPortFree(settings.host, settings.port);
	ensureBuild({ log: (message) => console.log(`aide: ${message}`) });
	// What the CMS writes from now on (uploads, tokens, the database's journal) is the owner's only too.
	process.umask(0o077);

	const releaseStartLock = await takeStartLock(settings.database, (message) => console.log(`aide: ${message}`));
	const strapi = createStrapi({ appDir, distDir: `${appDir}dist` });
	await strapi.start();
	if (settings.demoContent) await loadDemoContent(strapi, settings);
	await releaseStartLock();
	// Printed once everything is in place, demo content included: tools and tests wait for this line.
	console.log(`\n${cmsReadyLine(localUrl(settings))}\n`);
}

main().catch((error: unknown) => {
	if (error instanceof ConfigError || error instanceof PortError || error instanceof ContentModelError) {
		console.error(`\naide: the CMS did not start. ${error.message}`);
	} else {
		console.error(error);
	}
	process.exit(1);
});
