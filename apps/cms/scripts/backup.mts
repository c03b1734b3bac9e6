// `npm run backup [-- --prune]`: a consistent backup of the CMS (database, media, Strapi export) into
// AIDE_BACKUP_DIR (default apps/cms/.backups), while the CMS runs or not. See lib/backup.mts. With
// --prune (the nightly backup of `npm start` runs it so), only the AIDE_BACKUP_KEEP newest are kept.
import { parseArgs } from "node:util";
import { ConfigError, readSettings } from "../src/settings.ts";
import { BackupError, pruneBackups, takeBackup } from "./lib/backup.mts";

const { values } = parseArgs({ options: { prune: { type: "boolean", default: false } } });
try {
	const settings = readSettings(process.env);
	const started = performance.now();
	const dir = await takeBackup(settings, settings.backups.dir, (message) => console.log(`aide: ${message}`));
	console.log(
		`aide: backup written to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s. Restore it with: npm run restore -- ${dir}`,
	);
	if (values.prune) {
		const removed = pruneBackups(settings.backups.dir, settings.backups.keep);
		if (removed.length > 0) console.log(`aide: removed ${removed.length} older backup(s), keeping the ${settings.backups.keep} newest.`);
	}
} catch (error) {
	if (!(error instanceof BackupError || error instanceof ConfigError)) throw error;
	console.error(`\naide: no backup was written. ${error.message}`);
	process.exit(1);
}
