// `npm run build`: builds the site from the CMS (CMS_URL / CMS_TOKEN, the local CMS by default) or,
// with AIDE_SNAPSHOT=<file> or --snapshot <file>, from a snapshot. The new site is built in its own
// folder, indexed for search (Pagefind), and put live at apps/site/dist (AIDE_SITE_OUT_DIR overrides)
// only when both succeeded, by an atomic swap (see lib/builds.ts): a failed build leaves the live site as it was.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "astro";
import { indexSite } from "./index-site.ts";
import { discardBuild, distPath, newBuildDir, promoteBuild } from "./lib/builds.ts";

const siteDir = fileURLToPath(new URL("../", import.meta.url));
const { values } = parseArgs({ options: { snapshot: { type: "string" } } });
if (values.snapshot) process.env.AIDE_SNAPSHOT = resolve(values.snapshot);
process.env.ASTRO_TELEMETRY_DISABLED = "1";

const dist = distPath();
const buildDir = newBuildDir(dist);
// Astro writes some of its work files relative to the working folder: build from the site's own.
process.chdir(siteDir);

const started = performance.now();
let indexed = 0;
try {
	await build({ root: siteDir, outDir: buildDir, logLevel: "warn" });
	const rendered = performance.now();
	indexed = await indexSite(join(buildDir, "client"));
	console.log(
		`aide: rendered in ${((rendered - started) / 1000).toFixed(1)} s, indexed in ${((performance.now() - rendered) / 1000).toFixed(1)} s.`,
	);
	promoteBuild(dist, buildDir);
} catch (error) {
	discardBuild(buildDir);
	console.error(`\naide: the site was not built, and the live site (${dist}) was left as it was. ${(error as Error).message}`);
	process.exit(1);
}
console.log(
	`aide: built the site into ${dist} (${indexed} pages indexed for search) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
