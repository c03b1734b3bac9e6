// Indexes a built site with Pagefind: one index per <html lang>, written into <site>/pagefind.
// Only regions marked data-pagefind-body are indexed: each entry's own page (its question, answer
// and hidden keywords, apps/site/src/components/EntryArticle.astro); the home and category pages,
// which list the same questions, have none, so a search finds an entry once, on its page.
import { rmSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { removeBuild } from "./builds.ts";

/** Thrown when Pagefind cannot index the site; the build then fails and the previous site stays. */
export class IndexError extends Error {
	override name = "IndexError";
}

/** Indexes `siteDir` and returns how many pages went in. */
export async function indexSite(siteDir: string): Promise<number> {
	const outputPath = join(siteDir, "pagefind");
	rmSync(outputPath, { recursive: true, force: true });
	try {
		const { index, errors } = await pagefind.createIndex({});
		if (!index || errors.length > 0) throw new IndexError(`Pagefind could not start: ${errors.join("; ")}`);
		const added = await index.addDirectory({ path: siteDir, glob: "**/*.html" });
		if (added.errors.length > 0) throw new IndexError(`Pagefind could not index ${siteDir}: ${added.errors.join("; ")}`);
		if (added.page_count === 0) throw new IndexError(`Pagefind found no page to index in ${siteDir}.`);
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) throw new IndexError(`Pagefind could not write its index: ${written.errors.join("; ")}`);
		return added.page_count;
	} finally {
		await pagefind.close();
	}
}

/** Indexes a rendered build (see build-site.ts) for search; removes the build when that fails. */
export async function indexBuild(buildDir: string): Promise<{ pages: number; indexMs: number }> {
	try {
		const started = performance.now();
		const pages = await indexSite(join(buildDir, "client"));
		return { pages, indexMs: performance.now() - started };
	} catch (error) {
		removeBuild(buildDir);
		throw error;
	}
}
