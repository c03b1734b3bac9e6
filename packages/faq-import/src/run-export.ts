import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type CmsTarget, fetchExport } from "./client.ts";
import { renderCategory } from "./render-page.ts";

/** Writes every category of the CMS into `folder`, one file per page and locale; returns the files written. */
export async function runExport(target: CmsTarget, folder: string): Promise<string[]> {
	const { categories } = await fetchExport(target);
	const written: string[] = [];
	for (const page of categories.flatMap(renderCategory)) {
		const file = join(folder, page.path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, page.text);
		written.push(file);
	}
	return written;
}
