// The first step of a site build (see build-process.ts): Astro renders into a new build folder, the
// build manifest the site wrote is set aside from the public files (manifest.ts), and the media files
// it lists are put among them (media.ts). The second step, Pagefind's index, is in index-site.ts. A
// failure removes the new folder and leaves the live site; only a build that passed both steps is
// put live (atomically, builds.ts).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { paths } from "@aide/config";
import { build } from "astro";
import { newBuildDir, removeBuild } from "./builds.ts";
import { setManifestAside } from "./manifest.ts";
import { copyBuildMedia } from "./media.ts";

const siteDir = paths.site;

/**
 * Renders the site from the content source in this process's environment (AIDE_SNAPSHOT, CMS_URL...:
 * see @aide/cms-loader) into a new build folder of `dist`; says how many pages it wrote.
 */
export async function renderSite(dist: string): Promise<{ buildDir: string; renderMs: number; pages: number }> {
	const buildDir = newBuildDir(dist);
	// Astro writes some of its work files relative to the working folder: build from the site's own.
	process.chdir(siteDir);
	try {
		const started = performance.now();
		await build({ root: siteDir, outDir: buildDir, logLevel: "warn" });
		const renderMs = performance.now() - started;
		setManifestAside(buildDir);
		copyBuildMedia(buildDir);
		const pages = readdirSync(join(buildDir, "client"), { recursive: true, encoding: "utf8" }).filter((name) =>
			name.endsWith(".html"),
		).length;
		return { buildDir, renderMs, pages };
	} catch (error) {
		removeBuild(buildDir);
		throw error;
	}
}
