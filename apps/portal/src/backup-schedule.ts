// The nightly backup of `npm start`: every day at AIDE_BACKUP_AT (local time, default 03:00; off
// turns it off), it runs the CMS's own backup program (`npm run backup`'s, apps/cms/scripts/backup.mts)
// with --prune, which keeps the AIDE_BACKUP_KEEP newest (default 7). A failed backup is logged and
// tried again the next night; it never stops the portal.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { paths } from "@aide/config";

/** The first moment after `now` when the local clock reads `at` ("HH:MM"). */
export function nextRun(at: string, now: Date): Date {
	const [hours, minutes] = at.split(":").map(Number) as [number, number];
	const next = new Date(now);
	next.setHours(hours, minutes, 0, 0);
	if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
	return next;
}

/** The program's outcome in one line: where the backup went, and what was pruned. */
function summaryOf(output: string): string {
	const lines = output.split("\n").map((line) => line.trim().replace(/^aide: /, ""));
	const written = lines.find((line) => line.startsWith("backup written to"))?.replace(/\. Restore it with: .*$/, "");
	const removed = lines.find((line) => line.startsWith("removed "));
	return [written ?? output.trim(), removed].filter(Boolean).join("; ");
}

/** Runs the backup program once; resolves with what it did, in one line; rejects with why it failed. */
export function runBackup(env: Record<string, string | undefined>): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", join(paths.cms, "scripts", "backup.mts"), "--prune"],
			{ cwd: paths.cms, env, stdio: ["ignore", "pipe", "pipe"] },
		);
		let output = "";
		child.stdout.on("data", (chunk) => {
			output += chunk;
		});
		child.stderr.on("data", (chunk) => {
			output += chunk;
		});
		child.once("error", reject);
		child.once("exit", (code, signal) => {
			if (code === 0) return resolve(summaryOf(output));
			const said = output
				.trim()
				.replace(/^\naide: |^aide: /gm, "")
				.replace(/^no backup was written\. /m, "");
			reject(new Error(said || `the backup program stopped (${signal ?? `exit ${code}`}).`));
		});
	});
}

/** Schedules the nightly backups at `at` ("HH:MM"); undefined when `at` is null (off). */
export function scheduleBackups(
	at: string | null,
	env: Record<string, string | undefined>,
	log: (message: string) => void,
): { stop(): void } | undefined {
	if (at === null) return undefined;
	let timer: NodeJS.Timeout | undefined;
	const arm = () => {
		timer = setTimeout(run, Math.max(0, nextRun(at, new Date()).getTime() - Date.now()));
		timer.unref();
	};
	const run = async () => {
		try {
			log(`nightly ${await runBackup(env)}.`);
		} catch (error) {
			log(`the nightly backup failed: ${(error as Error).message} It is tried again tomorrow at ${at}; npm run backup takes one now.`);
		}
		arm();
	};
	arm();
	return { stop: () => clearTimeout(timer) };
}
