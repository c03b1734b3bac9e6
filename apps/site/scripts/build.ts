// `npm run build`: builds the site from the CMS (CMS_URL / CMS_TOKEN, the local CMS by default) or,
// with AIDE_SNAPSHOT=<file> or --snapshot <file>, from a snapshot. The new site is built in its own
// folder, indexed for search (Pagefind), and put live at apps/site/dist (AIDE_SITE_OUT_DIR overrides)
// only when both succeeded, by an atomic swap: a failed build leaves the live site as it was.
// Rendering and indexing run in child processes, one after the other (see @aide/site-build).
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "@aide/config";
import { distPath, SiteBuilder } from "@aide/site-build";

const { values } = parseArgs({ options: { snapshot: { type: "string" } } });
// --snapshot is the render process's AIDE_SNAPSHOT (this process's own environment is left as it is).
const buildEnv = values.snapshot ? { ...process.env, AIDE_SNAPSHOT: resolve(values.snapshot) } : process.env;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let dist: string;
let builder: SiteBuilder;
try {
	dist = distPath(buildEnv);
	builder = new SiteBuilder(buildEnv);
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(`\naide: the site was not built, and the live site was left as it was. ${error.message}`);
	process.exit(1);
}
const outcome = await builder.build(dist);
builder.stop();
if (outcome.ok && outcome.figures) {
	const { pages, renderMs, indexMs, compressMs } = outcome.figures;
	console.log(
		`aide: built the site into ${dist} in ${seconds(renderMs + indexMs + compressMs)}: rendered in ${seconds(renderMs)}, ${pages} pages indexed for search in ${seconds(indexMs)}, compressed in ${seconds(compressMs)}.`,
	);
} else {
	console.error(`\naide: the site was not built, and the live site (${dist}) was left as it was. ${outcome.error}`);
	process.exit(1);
}
