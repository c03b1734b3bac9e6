// The nightly backup of `npm start`: every day at AIDE_BACKUP_AT (local time, default 03:00; off
// turns it off), keeping the AIDE_BACKUP_KEEP newest (default 7). A failed backup is logged and
// tried again the next night; it never stops the portal.
import type { Settings } from "../../src/settings.ts";
import { pruneBackups, takeBackup } from "./backup.mts";

/** The first moment after `now` when the local clock reads `at` ("HH:MM"). */
export function nextRun(at: string, now: Date): Date {
	const [hours, minutes] = at.split(":").map(Number) as [number, number];
	const next = new Date(now);
	next.setHours(hours, minutes, 0, 0);
	if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
	return next;
}

/** Schedules the nightly backups; undefined when they are off. */
export function scheduleBackups(settings: Settings, log: (message: string) => void): { stop(): void } | undefined {
	const { at, keep, dir } = settings.backups;
	if (at === null) return undefined;
	let timer: NodeJS.Timeout | undefined;
	const arm = () => {
		timer = setTimeout(run, Math.max(0, nextRun(at, new Date()).getTime() - Date.now()));
		timer.unref();
	};
	const run = async () => {
		try {
			const written = await takeBackup(settings, dir);
			const removed = pruneBackups(dir, keep);
			log(`nightly backup written to ${written}${removed.length ? `; removed ${removed.length} older` : ""}.`);
		} catch (error) {
			log(`the nightly backup failed: ${(error as Error).message} It is tried again tomorrow at ${at}; npm run backup takes one now.`);
		}
		arm();
	};
	arm();
	return { stop: () => clearTimeout(timer) };
}
