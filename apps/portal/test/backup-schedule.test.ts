// The nightly backup of `npm start`: when it runs, and that it runs the CMS's own backup program, which
// keeps the AIDE_BACKUP_KEEP newest and says why when it cannot back up.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningCms, sleep, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextRun, runBackup } from "../src/backup-schedule.ts";

describe("nextRun", () => {
	it("is later today when the time has not come yet, tomorrow otherwise", () => {
		const evening = new Date(2026, 10, 27, 22, 15);
		expect(nextRun("03:00", evening)).toEqual(new Date(2026, 10, 28, 3, 0));
		expect(nextRun("23:30", evening)).toEqual(new Date(2026, 10, 27, 23, 30));
		expect(nextRun("22:15", evening)).toEqual(new Date(2026, 10, 28, 22, 15));
		expect(nextRun("00:00", new Date(2026, 11, 31, 12, 0))).toEqual(new Date(2027, 0, 1, 0, 0));
	});
});

describe("runBackup", () => {
	const work = mkdtempSync(join(tmpdir(), "aide-nightly-"));
	let cms: RunningCms;
	beforeAll(async () => {
		cms = await startCms();
	});
	afterAll(async () => {
		await cms?.stop();
		rmSync(work, { recursive: true, force: true });
	});

	it("takes a backup with the CMS's program and keeps only the AIDE_BACKUP_KEEP newest", async () => {
		const dir = join(work, "backups");
		const env = { ...process.env, AIDE_DATA_DIR: cms.dataDir, AIDE_BACKUP_DIR: dir, AIDE_BACKUP_KEEP: "1" };
		expect(await runBackup(env)).toContain(`backup written to ${dir}/aide-`);
		// Backups are named to the second.
		await sleep(1_100);
		const second = await runBackup(env);
		expect(second).toMatch(
			new RegExp(`^backup written to ${dir}/aide-[^;]+ in [\\d.]+ s; removed 1 older backup\\(s\\), keeping the 1 newest\\.$`),
		);
		expect(readdirSync(dir).filter((name) => name.startsWith("aide-"))).toHaveLength(1);
	});

	it("fails with what the backup program said", async () => {
		const env = { ...process.env, AIDE_DATA_DIR: cms.dataDir, AIDE_BACKUP_DIR: join(work, "refused"), AIDE_BACKUP_KEEP: "0" };
		await expect(runBackup(env)).rejects.toThrow('AIDE_BACKUP_KEEP must be a whole number of backups, at least 1; not "0".');
	});
});
