import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { readSettings } from "../src/settings";

export default () => {
	const settings = readSettings();
	const publicDir = join(settings.dataDir, "public");
	mkdirSync(join(publicDir, "uploads"), { recursive: true });
	return {
		host: settings.host,
		port: settings.port,
		...(settings.publicUrl ? { url: settings.publicUrl, proxy: { koa: true } } : {}),
		app: { keys: settings.secrets.APP_KEYS.split(",").map((key) => key.trim()) },
		// Uploaded media live with the rest of the local data, so one folder holds everything to back up.
		dirs: { public: publicDir },
		// Upgrades are pinned in package.json; the CMS does not ask the registry for newer versions.
		logger: { updates: { enabled: false } },
	};
};
