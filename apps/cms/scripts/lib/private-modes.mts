// The data folder and the backups hold the secrets, the tokens, every answer and the admins'
// password hashes: only the user running the CMS may read them, whatever modes they were given.
import { chmodSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Folders 0700 and files 0600, for `dir` and everything in it. Symbolic links are left alone: chmod would follow them out. */
export function makePrivate(dir: string): void {
	if (!existsSync(dir)) return;
	chmodSync(dir, 0o700);
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isSymbolicLink()) continue;
		chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o700 : 0o600);
	}
}

/** A SQLite database kept outside the data folder (DATABASE_FILENAME), with its journal files: 0600. */
export function makeFilesPrivate(files: string[]): void {
	for (const file of files) if (existsSync(file)) chmodSync(file, 0o600);
}
