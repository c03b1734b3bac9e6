// `npm run snapshot -- [file]`: writes the CMS's published content and site settings to a JSON file (default
// apps/site/snapshot.json), from which `npm run build -- --snapshot <file>` builds without the CMS.
import { resolve } from "node:path";
import { loadSiteContent, loadSiteSettings, writeSnapshot } from "@aide/cms-loader";

const file = resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2] ?? new URL("../snapshot.json", import.meta.url).pathname);
try {
	const env = { ...process.env, AIDE_SNAPSHOT: "" };
	const warn = (message: string) => console.warn(message);
	const [content, settings] = await Promise.all([loadSiteContent(env, warn), loadSiteSettings(env, warn)]);
	writeSnapshot(file, { ...content, settings });
	const counts = Object.entries(content.locales).map(([locale, { entries }]) => `${entries.length} ${locale}`);
	console.log(`aide: wrote ${file} (${counts.join(", ")} entries).`);
} catch (error) {
	console.error(`aide: no snapshot written. ${(error as Error).message}`);
	process.exit(1);
}
