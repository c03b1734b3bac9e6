import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CmsError } from "./client.ts";

type Env = Record<string, string | undefined>;

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The local CMS's data folder, where it writes the tokens local tools use: `AIDE_DATA_DIR`, else apps/cms/.data. */
export function localCmsDataDir(env: Env = process.env): string {
	return env.AIDE_DATA_DIR?.trim() || join(repoRoot, "apps", "cms", ".data");
}

/** The CMS's URL: `CMS_URL`, else the local CMS. */
export function cmsUrl(env: Env = process.env): string {
	return (env.CMS_URL?.trim() || "http://127.0.0.1:1337").replace(/\/+$/, "");
}

/**
 * A token from the environment variable `variable`, else from the local CMS's data folder (`file`).
 * Throws an error that says how to get one.
 */
export function tokenFromEnv(variable: string, file: "site-token" | "import-token" | "preview-token", env: Env = process.env): string {
	const explicit = env[variable]?.trim();
	if (explicit) return explicit;
	const path = join(localCmsDataDir(env), file);
	if (!existsSync(path)) {
		throw new CmsError(
			`No ${variable} set, and ${path} does not exist. Start the local CMS once (\`npm run cms\`) to create it, or set ${variable}.`,
		);
	}
	return readFileSync(path, "utf8").trim();
}
