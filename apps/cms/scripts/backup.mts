// `npm run backup`: a consistent backup of the CMS (database, media, Strapi export) into
// AIDE_BACKUP_DIR (default apps/cms/.backups), while the CMS runs or not. See lib/backup.mts.
import { ConfigError, readSettings } from "../src/settings.ts";
import { BackupError, takeBackup } from "./lib/backup.mts";
import { appDir } from "./lib/paths.mts";

try {
	const settings = readSettings(process.env, appDir);
	const started = performance.now();
	const dir = await takeBackup(settings, settings.backups.dir, (message) => console.log(`aide: ${message}`));
	console.log(
		`aide: backup written to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s. Restore it with: npm run restore -- ${dir}`,
	);
} catch (error) {
	if (!(error instanceof BackupError || error instanceof ConfigError)) throw error;
	console.error(`\naide: no backup was written. ${error.message}`);
	process.exit(1);
}
