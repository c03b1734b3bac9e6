import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ImportError } from "./errors.ts";

const PAGE = /\.(md|markdown)$/i;

/** The Markdown files named, and those inside the folders named (recursively), sorted, each once. */
export function findPages(paths: readonly string[]): string[] {
	const files = new Set<string>();
	for (const path of paths) {
		let isDirectory: boolean;
		try {
			isDirectory = statSync(path).isDirectory();
		} catch (error) {
			throw new ImportError(`${path}: no such file or folder. Check the path.`, { cause: error });
		}
		if (!isDirectory) {
			files.add(path);
			continue;
		}
		for (const name of readdirSync(path, { recursive: true, encoding: "utf8" })) {
			if (PAGE.test(name)) files.add(join(path, name));
		}
	}
	return [...files].sort();
}
