// Looks for secret values, byte for byte, in every file under a folder: gzip files are read
// decompressed too (the Strapi export), and PostgreSQL dumps as the SQL pg_restore makes of them
// (their table data is compressed).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { parseEnv } from "node:util";
import { gunzipSync } from "node:zlib";
import { dataFiles } from "@aide/config";

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}

/** The secrets of a data folder: each value of secrets.env (each APP_KEYS key too), each token file, the generated admin password. */
export function secretsOf(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
	const secrets: Record<string, string> = { ...extra };
	for (const [name, value] of Object.entries(parseEnv(readFileSync(join(dataDir, "secrets.env"), "utf8")))) {
		if (!value) continue;
		secrets[name] = value;
		if (name !== "APP_KEYS") continue;
		for (const [index, key] of value.split(",").entries()) secrets[`APP_KEYS[${index}]`] = key.trim();
	}
	for (const file of Object.values(dataFiles(dataDir).tokens)) secrets[basename(file)] = readFileSync(file, "utf8").trim();
	return secrets;
}

/** The readings of one file to search: its bytes, and what it holds once decompressed or restored to SQL. */
function readings(file: string, pgRestore: string | undefined): Array<{ what: string; bytes: Buffer }> {
	const bytes = readFileSync(file);
	const found = [{ what: file, bytes }];
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) found.push({ what: `${file} (decompressed)`, bytes: gunzipSync(bytes) });
	if (file.endsWith(".pgdump") && pgRestore)
		found.push({ what: `${file} (as SQL)`, bytes: execFileSync(pgRestore, ["--file", "-", file], { maxBuffer: 512 * 1024 * 1024 }) });
	return found;
}

/** "<secret> in <file>" for each secret found; empty when none is. */
export function findSecrets(dir: string, secrets: Record<string, string>, pgRestore?: string): string[] {
	const hits: string[] = [];
	for (const file of filesUnder(dir))
		for (const { what, bytes } of readings(file, pgRestore))
			for (const [name, value] of Object.entries(secrets))
				if (value.length >= 8 && bytes.includes(Buffer.from(value))) hits.push(`${name} in ${relative(dir, what)}`);
	return hits;
}
