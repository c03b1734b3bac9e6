// `npm run restore -- <backup folder> [--overwrite]`: brings a stopped CMS back to a backup's state
// (database and media). It refuses while the CMS runs, and over existing data without --overwrite.
// The next start ensures the site token and the preview and import tokens.
import { parseArgs } from "node:util";
import { ConfigError, dataDirFrom, readSettings, secretsFileIn } from "../src/settings.ts";
import { BackupError, restoreBackup } from "./lib/backup.mts";
import { appDir } from "./lib/paths.mts";
import { ensureSecrets } from "./lib/secrets.mts";

const { values, positionals } = parseArgs({ options: { overwrite: { type: "boolean", default: false } }, allowPositionals: true });
try {
	const [backup] = positionals;
	if (!backup || positionals.length > 1)
		throw new BackupError("Say which backup to restore: npm run restore -- <backup folder> [--overwrite].");
	// Under `npm start` the CMS listens on CMS_HOST / CMS_PORT: that is where a running CMS would answer.
	const env = { ...process.env, HOST: process.env.CMS_HOST || process.env.HOST, PORT: process.env.CMS_PORT || process.env.PORT };
	// A fresh data folder gets its secrets, as on a first start (backups carry none: see SECURITY.md).
	ensureSecrets(secretsFileIn(dataDirFrom(env, appDir)));
	const settings = readSettings(env, appDir);
	await restoreBackup(settings, backup, { overwrite: values.overwrite, log: (message) => console.log(`aide: ${message}`) });
	console.log(`aide: restored ${backup}. Start the CMS (npm run cms or npm start): it ensures the tokens again.`);
} catch (error) {
	if (!(error instanceof BackupError || error instanceof ConfigError)) throw error;
	console.error(`\naide: nothing was restored. ${error.message}`);
	process.exit(1);
}
