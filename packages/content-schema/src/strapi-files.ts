import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { LoadedComponent, LoadedModel } from "./load-models.ts";
import { PATTERN_RULES } from "./pattern-rules.ts";

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

/**
 * Whether a model is the CMS's own data rather than content: hidden from the content manager (the insight
 * aggregates). Such a type gets no REST route, so that no API token or users-permissions role can be
 * given its `find`, `create`... at all; the CMS's own routes read and write it.
 */
export function isInternalModel(model: LoadedModel): boolean {
	return model.model.pluginOptions?.["content-manager"]?.visible === false;
}

/** The files Strapi needs for one content type: its schema and the core controller, router and service. */
export function strapiFilesFor(model: LoadedModel): GeneratedFile[] {
	const name = model.model.info.singularName;
	const factory = (kind: "Controller" | "Router" | "Service", why = "", options = "") =>
		`${header(model)}import { factories } from "@strapi/strapi";\n\n${why}export default factories.createCore${kind}("${model.uid}"${options});\n`;
	const router = isInternalModel(model)
		? factory(
				"Router",
				"// Hidden from the content manager: the CMS's own data, with no REST route for any token or role.\n",
				", { only: [] }",
			)
		: factory("Router");
	return [
		{ path: `${name}/content-types/${name}/schema.json`, content: `${JSON.stringify(model.model, null, 2)}\n` },
		{ path: `${name}/controllers/${name}.ts`, content: factory("Controller") },
		{ path: `${name}/routes/${name}.ts`, content: router },
		{ path: `${name}/services/${name}.ts`, content: factory("Service") },
	];
}

/** A component's file, as Strapi reads it from `src/components/<category>/<name>.json` (path relative to that folder). */
export function strapiComponentFile(component: LoadedComponent): GeneratedFile {
	return { path: `${component.category}/${component.name}.json`, content: `${JSON.stringify(component.component, null, 2)}\n` };
}

/** Every component of the models' folder, once. */
function componentsOf(models: readonly LoadedModel[]): LoadedComponent[] {
	const all = new Map<string, LoadedComponent>();
	for (const model of models) for (const [uid, component] of model.components ?? []) all.set(uid, component);
	return [...all.values()];
}

/**
 * What each `regex` of the models asks, in words (pattern-rules.ts), for the CMS's own messages on
 * save: `src/generated/pattern-rules.json`, read by its middlewares/pattern-fields.ts.
 */
export function patternRulesFile(models: readonly LoadedModel[]): GeneratedFile {
	const attributes = models.flatMap((entry) => [
		...Object.values(entry.model.attributes),
		...[...(entry.components?.values() ?? [])].flatMap((component) => Object.values(component.component.attributes)),
	]);
	const used = new Set(attributes.flatMap((attribute) => ("regex" in attribute && attribute.regex ? [attribute.regex] : [])));
	const rules = Object.fromEntries(Object.entries(PATTERN_RULES).filter(([regex]) => used.has(regex)));
	return { path: "../generated/pattern-rules.json", content: `${JSON.stringify(rules, null, 2)}\n` };
}

/**
 * Puts the models into a Strapi app's `src/api/` folder, their components into `src/components/`
 * (Strapi's place for them, beside `src/api/`; reported as `../components/<category>/<name>.json`)
 * and the words of their patterns into `src/generated/pattern-rules.json`.
 * With `check`, writes nothing and reports what differs, so a test can fail when the two drift.
 */
export function syncStrapiApi(models: readonly LoadedModel[], apiDir: string, { check = false } = {}): SyncReport {
	const changed: string[] = [];
	const components = componentsOf(models).map(strapiComponentFile);
	const files = [
		...models.flatMap(strapiFilesFor),
		...components.map((file) => ({ ...file, path: `../components/${file.path}` })),
		patternRulesFile(models),
	];
	for (const file of files) {
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
	const componentsDir = join(apiDir, "..", "components");
	const knownComponents = new Set(components.map((file) => file.path));
	if (existsSync(componentsDir)) {
		const present = readdirSync(componentsDir, { recursive: true, encoding: "utf8" }).filter((path) => path.endsWith(".json"));
		orphans.push(...present.filter((path) => !knownComponents.has(path)).map((path) => `../components/${path}`));
	}
	return { changed, orphans };
}
