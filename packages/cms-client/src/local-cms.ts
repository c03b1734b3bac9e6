import { existsSync, readFileSync } from "node:fs";
import { cmsUrl as cmsUrlOf, dataDir, dataFiles, mediaStoreDir as mediaStoreDirOf } from "@aide/config";
import { CmsError } from "./client.ts";

type Env = Record<string, string | undefined>;

/** The local CMS's data folder, where it writes the tokens local tools use: `AIDE_DATA_DIR`, else apps/cms/.data. */
export function localCmsDataDir(env: Env = process.env): string {
	return dataDir(env);
}

/** Where builds keep the media files they read from the CMS (@aide/config's mediaStoreDir), for the loader. */
export function mediaStoreDir(): string {
	return mediaStoreDirOf();
}

/** The CMS's URL: `CMS_URL`, else the local CMS at CMS_HOST / CMS_PORT. */
export function cmsUrl(env: Env = process.env): string {
	return cmsUrlOf(env);
}

/**
 * A token from the environment variable `variable`, else from the local CMS's data folder (`file`).
 * Throws an error that says how to get one.
 */
export function tokenFromEnv(variable: string, file: "site" | "import" | "preview", env: Env = process.env): string {
	const explicit = env[variable]?.trim();
	if (explicit) return explicit;
	const path = dataFiles(localCmsDataDir(env)).tokens[file];
	if (!existsSync(path)) {
		throw new CmsError(
			`No ${variable} set, and ${path} does not exist. Start the local CMS once (\`npm run cms\`) to create it, or set ${variable}.`,
		);
	}
	return readFileSync(path, "utf8").trim();
}
