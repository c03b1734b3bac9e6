// How many backups are kept, and what AIDE_BACKUP_* accept (when the nightly one runs: apps/portal/test/backup-schedule.test.ts).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { paths } from "@aide/config";
import { afterAll, describe, expect, it } from "vitest";
import { backupName, listBackups, pruneBackups } from "../scripts/lib/backup.mts";
import { readSettings } from "../src/settings.ts";

const work = mkdtempSync(join(tmpdir(), "aide-backups-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("pruneBackups", () => {
	it("keeps the newest backups, and leaves alone what is not a finished backup", () => {
		const dir = join(work, "prune");
		const names = [1, 2, 3, 4].map((day) => backupName(new Date(Date.UTC(2026, 10, day, 3))));
		for (const name of [...names, ".partial-aide-2026-11-05T03-00-00Z", "notes"]) {
			mkdirSync(join(dir, name), { recursive: true });
			if (name.startsWith("aide-")) writeFileSync(join(dir, name, "manifest.json"), "{}");
		}
		expect(pruneBackups(dir, 2).map((path) => path.slice(dir.length + 1))).toEqual(names.slice(0, 2));
		expect(listBackups(dir).map((path) => path.slice(dir.length + 1))).toEqual(names.slice(2));
		expect(readdirSync(dir).sort()).toEqual([".partial-aide-2026-11-05T03-00-00Z", ...names.slice(2), "notes"].sort());
	});

	it("names backups so that they sort by time", () => {
		expect(backupName(new Date("2026-11-27T03:00:00.123Z"))).toBe("aide-2026-11-27T03-00-00Z");
	});
});

describe("AIDE_BACKUP_AT, AIDE_BACKUP_KEEP and AIDE_BACKUP_DIR", () => {
	const secrets = {
		APP_KEYS: "a".repeat(20),
		ADMIN_JWT_SECRET: "b".repeat(20),
		API_TOKEN_SALT: "c".repeat(20),
		JWT_SECRET: "d".repeat(20),
		ENCRYPTION_KEY: "e".repeat(20),
		AIDE_WEBHOOK_SECRET: "f".repeat(20),
		AIDE_PREVIEW_SECRET: "g".repeat(20),
	};
	const settings = (env: Record<string, string>) => readSettings({ AIDE_DATA_DIR: join(work, "data"), ...secrets, ...env });

	it("default to 03:00, seven backups, in apps/cms/.backups", () => {
		expect(settings({}).backups).toEqual({ at: "03:00", keep: 7, dir: join(paths.cms, ".backups") });
		expect(settings({ AIDE_BACKUP_AT: "off", AIDE_BACKUP_KEEP: "30", AIDE_BACKUP_DIR: "/var/backups/aide" }).backups).toEqual({
			at: null,
			keep: 30,
			dir: "/var/backups/aide",
		});
	});

	it("refuse what they cannot mean, saying what they take", () => {
		expect(() => settings({ AIDE_BACKUP_AT: "3am" })).toThrow(
			'AIDE_BACKUP_AT must be a time of day on the 24-hour clock, such as 03:00, or off; not "3am".',
		);
		expect(() => settings({ AIDE_BACKUP_AT: "24:00" })).toThrow("AIDE_BACKUP_AT must be a time of day");
		expect(() => settings({ AIDE_BACKUP_KEEP: "0" })).toThrow('AIDE_BACKUP_KEEP must be a whole number of backups, at least 1; not "0".');
	});
});
