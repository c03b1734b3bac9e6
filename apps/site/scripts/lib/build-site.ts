// One site build: Astro renders into a new build folder, Pagefind indexes it, and only then is it
// put live (atomically, see builds.ts). Any failure removes the new folder and leaves the live site.
// Used once by `npm run build`, and again and again by the build worker of `npm start`.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "astro";
import { indexSite } from "../index-site.ts";
import { newBuildDir, promoteBuild, removeBuild } from "./builds.ts";

const siteDir = fileURLToPath(new URL("../../", import.meta.url));

export interface BuildFigures {
	pages: number;
	renderMs: number;
	indexMs: number;
}

/** Builds the site from the content source in process.env (see @aide/cms-loader) and puts it live at `dist`. */
export async function buildSite(dist: string): Promise<BuildFigures> {
	process.env.ASTRO_TELEMETRY_DISABLED = "1";
	// The content loaders share one CMS fetch per build, not across builds of a long-lived process.
	process.env.AIDE_BUILD_ID = `${Date.now()}-${Math.random()}`;
	const buildDir = newBuildDir(dist);
	// Astro writes some of its work files relative to the working folder: build from the site's own.
	process.chdir(siteDir);
	try {
		const started = performance.now();
		await build({ root: siteDir, outDir: buildDir, logLevel: "warn" });
		const rendered = performance.now();
		const pages = await indexSite(join(buildDir, "client"));
		const indexed = performance.now();
		promoteBuild(dist, buildDir);
		return { pages, renderMs: rendered - started, indexMs: indexed - rendered };
	} catch (error) {
		removeBuild(buildDir);
		throw error;
	}
}
