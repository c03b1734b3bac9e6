import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { LoadedModel } from "./load-models.ts";

/** One file of a Strapi app's `src/api/` folder, with the content it must have. */
export interface GeneratedFile {
	/** Path relative to the `src/api/` folder. */
	readonly path: string;
	readonly content: string;
}

/** What a sync found: files written (or, in check mode, that differ) and API folders no model explains. */
export interface SyncReport {
	readonly changed: string[];
	readonly orphans: string[];
}

const header = (model: LoadedModel) =>
	`// Generated from ${model.file} by \`pnpm --filter @aide/cms sync-models\`. Edit the model, not this file.\n`;

/** The files Strapi needs for one content type: its schema and the core controller, router and service. */
export function strapiFilesFor(model: LoadedModel): GeneratedFile[] {
	const name = model.model.info.singularName;
	const factory = (kind: "Controller" | "Router" | "Service") =>
		`${header(model)}import { factories } from "@strapi/strapi";\n\nexport default factories.createCore${kind}("${model.uid}");\n`;
	return [
		{ path: `${name}/content-types/${name}/schema.json`, content: `${JSON.stringify(model.model, null, 2)}\n` },
		{ path: `${name}/controllers/${name}.ts`, content: factory("Controller") },
		{ path: `${name}/routes/${name}.ts`, content: factory("Router") },
		{ path: `${name}/services/${name}.ts`, content: factory("Service") },
	];
}

/**
 * Puts the models into a Strapi app's `src/api/` folder. With `check`, writes nothing and reports
 * what differs, so a test can fail when the two drift.
 */
export function syncStrapiApi(models: readonly LoadedModel[], apiDir: string, { check = false } = {}): SyncReport {
	const changed: string[] = [];
	for (const file of models.flatMap(strapiFilesFor)) {
		const target = join(apiDir, file.path);
		const current = existsSync(target) ? readFileSync(target, "utf8") : undefined;
		if (current === file.content) continue;
		changed.push(file.path);
		if (!check) {
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, file.content);
		}
	}
	const known = new Set(models.map((entry) => entry.model.info.singularName));
	const orphans = existsSync(apiDir) ? readdirSync(apiDir).filter((name) => !known.has(name)) : [];
	return { changed, orphans };
}
