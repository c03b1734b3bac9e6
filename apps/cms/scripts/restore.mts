// `npm run restore -- <backup folder> [--overwrite]`: brings a stopped CMS back to a backup's state
// (database and media). It refuses while the CMS runs, and over existing data without --overwrite.
// The next start ensures the site token and the preview and import tokens.
import { parseArgs } from "node:util";
import { dataDir, dataFiles, ensureSecrets } from "@aide/config";
import { ConfigError, readSettings } from "../src/settings.ts";
import { BackupError, restoreBackup } from "./lib/backup.mts";

const { values, positionals } = parseArgs({ options: { overwrite: { type: "boolean", default: false } }, allowPositionals: true });
try {
	const [backup] = positionals;
	if (!backup || positionals.length > 1)
		throw new BackupError("Say which backup to restore: npm run restore -- <backup folder> [--overwrite].");
	// A fresh data folder gets its secrets, as on a first start (backups carry none: see SECURITY.md).
	ensureSecrets(dataFiles(dataDir(process.env)).secrets, process.env);
	// A running CMS would answer on CMS_HOST / CMS_PORT, under `npm run cms` and `npm start` alike.
	const settings = readSettings(process.env);
	await restoreBackup(settings, backup, { overwrite: values.overwrite, log: (message) => console.log(`aide: ${message}`) });
	console.log(`aide: restored ${backup}. Start the CMS (npm run cms or npm start): it ensures the tokens again.`);
} catch (error) {
	if (!(error instanceof BackupError || error instanceof ConfigError)) throw error;
	console.error(`\naide: nothing was restored. ${error.message}`);
	process.exit(1);
}
