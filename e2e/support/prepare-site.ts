// `node e2e/support/prepare-site.ts <folder>`: a real CMS with the demo content makes a snapshot,
// then the site is built from it into <folder>/dist. Run as its own process by the global setup.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSiteContent, writeSnapshot } from "@aide/cms-loader";
import { startCms } from "../../apps/cms/test/support/cms-process.ts";

const work = process.argv[2];
if (!work) throw new Error("usage: prepare-site.ts <folder>");
const snapshot = join(work, "snapshot.json");
const cms = await startCms({ demo: true });
try {
	writeSnapshot(snapshot, await loadSiteContent({ CMS_URL: cms.url, CMS_TOKEN: cms.siteToken() }));
} finally {
	await cms.stop();
}
const build = spawnSync(process.execPath, ["scripts/build.ts", "--snapshot", snapshot], {
	cwd: fileURLToPath(new URL("../../apps/site/", import.meta.url)),
	stdio: "inherit",
	env: { ...process.env, AIDE_SITE_OUT_DIR: join(work, "dist") },
});
process.exit(build.status ?? 1);
