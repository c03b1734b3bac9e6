// `npm run snapshot -- [file]`: writes the CMS's published content to a JSON file (default
// apps/site/snapshot.json), from which `npm run build -- --snapshot <file>` builds without the CMS.
import { resolve } from "node:path";
import { loadSiteContent, writeSnapshot } from "@aide/cms-loader";

const file = resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2] ?? new URL("../snapshot.json", import.meta.url).pathname);
try {
	const content = await loadSiteContent({ ...process.env, AIDE_SNAPSHOT: "" }, (message) => console.warn(message));
	writeSnapshot(file, content);
	const counts = Object.entries(content.locales).map(([locale, { entries }]) => `${entries.length} ${locale}`);
	console.log(`aide: wrote ${file} (${counts.join(", ")} entries).`);
} catch (error) {
	console.error(`aide: no snapshot written. ${(error as Error).message}`);
	process.exit(1);
}
