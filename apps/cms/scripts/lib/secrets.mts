import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseEnv } from "node:util";
import { SECRET_NAMES } from "../../src/settings.ts";

const random = () => randomBytes(32).toString("base64");

/**
 * Generates the secrets that are set neither in the environment nor in `file`, and appends them to
 * `file` (mode 0600). Existing values are never changed. Returns the names it generated.
 */
export function ensureSecrets(file: string, env: Record<string, string | undefined> = process.env): string[] {
	const stored = existsSync(file) ? parseEnv(readFileSync(file, "utf8")) : {};
	const missing = SECRET_NAMES.filter((name) => !env[name]?.trim() && !stored[name]?.trim());
	if (missing.length === 0) return [];
	const lines = missing.map((name) => `${name}=${name === "APP_KEYS" ? [random(), random(), random(), random()].join(",") : random()}`);
	mkdirSync(dirname(file), { recursive: true });
	if (!existsSync(file)) {
		// Written beside it and linked into place, which fails if the file exists: of two processes starting
		// together on one data folder (several CMS processes on one PostgreSQL), the first to link wins and
		// the other takes its values.
		const draft = `${file}.${process.pid}.new`;
		writeFileSync(
			draft,
			`# Secrets of this CMS, generated on first start. Keep this file private; back it up with the data.\n${lines.join("\n")}\n`,
			{ mode: 0o600 },
		);
		try {
			linkSync(draft, file);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === "EEXIST") return ensureSecrets(file, env);
			// A file system without hard links (some network and FUSE mounts): an exclusive create is the
			// next best thing; it too fails if another process made the file first.
			if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw error;
			try {
				writeFileSync(file, readFileSync(draft), { mode: 0o600, flag: "wx" });
			} catch (exclusive) {
				if ((exclusive as NodeJS.ErrnoException).code !== "EEXIST") throw exclusive;
				return ensureSecrets(file, env);
			}
		} finally {
			rmSync(draft, { force: true });
		}
		return missing;
	}
	writeFileSync(file, `${readFileSync(file, "utf8").replace(/\n?$/, "\n")}${lines.join("\n")}\n`, { mode: 0o600 });
	return missing;
}
