// `npm run build`: builds the site from the CMS (CMS_URL / CMS_TOKEN, the local CMS by default) or,
// with AIDE_SNAPSHOT=<file> or --snapshot <file>, from a snapshot. The new site is built in its own
// folder, indexed for search (Pagefind), and put live at apps/site/dist (AIDE_SITE_OUT_DIR overrides)
// only when both succeeded, by an atomic swap: a failed build leaves the live site as it was.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "./lib/build-site.ts";
import { distPath } from "./lib/builds.ts";

const { values } = parseArgs({ options: { snapshot: { type: "string" } } });
if (values.snapshot) process.env.AIDE_SNAPSHOT = resolve(values.snapshot);
const dist = distPath();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
	const { pages, renderMs, indexMs } = await buildSite(dist);
	console.log(
		`aide: built the site into ${dist} in ${seconds(renderMs + indexMs)}: rendered in ${seconds(renderMs)}, ${pages} pages indexed for search in ${seconds(indexMs)}.`,
	);
} catch (error) {
	console.error(`\naide: the site was not built, and the live site (${dist}) was left as it was. ${(error as Error).message}`);
	process.exit(1);
}
