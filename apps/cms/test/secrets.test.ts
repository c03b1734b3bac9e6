import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { ensureSecrets } from "@aide/config";
import { afterEach, describe, expect, it } from "vitest";
import { readSettings, SECRET_NAMES } from "../src/settings.ts";

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("ensureSecrets", () => {
	it("generates every secret once, private to its owner, and readSettings accepts them", () => {
		const dir = mkdtempSync(join(tmpdir(), "aide-secrets-"));
		dirs.push(dir);
		const file = join(dir, "secrets.env");
		expect(ensureSecrets(file, {})).toEqual([...SECRET_NAMES]);
		const first = readFileSync(file, "utf8");
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(parseEnv(first).APP_KEYS?.split(",")).toHaveLength(4);
		expect(ensureSecrets(file, {})).toEqual([]);
		expect(readFileSync(file, "utf8")).toBe(first);
		expect(readSettings({ AIDE_DATA_DIR: dir }).secrets.API_TOKEN_SALT).toBe(parseEnv(first).API_TOKEN_SALT);
	});

	it("keeps values set in the environment or in the file, and adds only what is missing", () => {
		const dir = mkdtempSync(join(tmpdir(), "aide-secrets-"));
		dirs.push(dir);
		const file = join(dir, "secrets.env");
		writeFileSync(file, "JWT_SECRET=kept-0123456789abcdef\n");
		expect(ensureSecrets(file, { APP_KEYS: "from-env-0123456789" })).toEqual([
			"ADMIN_JWT_SECRET",
			"API_TOKEN_SALT",
			"ENCRYPTION_KEY",
			"AIDE_WEBHOOK_SECRET",
			"AIDE_PREVIEW_SECRET",
		]);
		const stored = parseEnv(readFileSync(file, "utf8"));
		expect(stored.JWT_SECRET).toBe("kept-0123456789abcdef");
		expect(stored.APP_KEYS).toBeUndefined();
	});
});
