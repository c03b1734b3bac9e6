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
		...(settings.publicUrl ? { url: settings.publicUrl } : {}),
		// Koa would take the left-most X-Forwarded-For, which the client writes itself (and so could dodge
		// the admin login's throttle); maxIpsCount keeps only the entries our own proxies appended.
		...(settings.proxyHops > 0 ? { proxy: { koa: true, maxIpsCount: settings.proxyHops } } : {}),
		app: { keys: settings.secrets.APP_KEYS.split(",").map((key) => key.trim()) },
		// Uploaded media live with the rest of the local data, so one folder holds everything to back up.
		dirs: { public: publicDir },
		// Upgrades are pinned in package.json; the CMS does not ask the registry for newer versions.
		logger: { updates: { enabled: false } },
	};
};
