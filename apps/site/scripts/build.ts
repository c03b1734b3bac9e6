// `npm run build`: builds the site into apps/site/dist/ (AIDE_SITE_OUT_DIR overrides), from the CMS (CMS_URL / CMS_TOKEN, the local CMS by
// default) or, with AIDE_SNAPSHOT=<file> or --snapshot <file>, from a snapshot. The new site is built
// aside, indexed for search (Pagefind), and swapped in only when both succeeded: a failed build leaves the previous dist/ as it was.
import { existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "astro";
import { indexSite } from "./index-site.ts";

const siteDir = fileURLToPath(new URL("../", import.meta.url));
const { values } = parseArgs({ options: { snapshot: { type: "string" } } });
if (values.snapshot) process.env.AIDE_SNAPSHOT = resolve(values.snapshot);
process.env.ASTRO_TELEMETRY_DISABLED = "1";

const dist = resolve(process.env.AIDE_SITE_OUT_DIR?.trim() || `${siteDir}dist`);
const next = `${dist}.next`;
const previous = `${dist}.previous`;
rmSync(next, { recursive: true, force: true });
// Astro writes some of its work files relative to the working folder: build from the site's own.
process.chdir(siteDir);

const started = performance.now();
let indexed = 0;
try {
	await build({ root: siteDir, outDir: next, logLevel: "warn" });
	indexed = await indexSite(next);
} catch (error) {
	rmSync(next, { recursive: true, force: true });
	console.error(`\naide: the site was not built, and dist/ was left as it was. ${(error as Error).message}`);
	process.exit(1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, previous);
renameSync(next, dist);
rmSync(previous, { recursive: true, force: true });
console.log(
	`aide: built the site into ${dist} (${indexed} pages indexed for search) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
