import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { z } from "zod";
import { ContentModelError } from "./errors.ts";
import { type ComponentModel, type ContentModel, componentModelSchema, contentModelSchema } from "./model-schema.ts";

/** A checked content type, with the file it came from. */
export interface LoadedModel {
	/** Path of the file, relative to the folder it was loaded from's parent (e.g. `content-models/faq-entry.json`). */
	readonly file: string;
	/** Strapi's uid for it, e.g. `api::faq-entry.faq-entry`. */
	readonly uid: string;
	readonly model: ContentModel;
	/** Every component of the folder, by uid (set by {@link loadContentModels}; a model parsed alone has none). */
	readonly components?: ReadonlyMap<string, LoadedComponent>;
}

/** A checked component (`content-models/components/<category>/<name>.json`), with its uid `<category>.<name>`. */
export interface LoadedComponent {
	readonly file: string;
	readonly uid: string;
	readonly category: string;
	readonly name: string;
	readonly component: ComponentModel;
}

/**
 * Reads every `*.json` file of a content-models folder, checks each against Strapi's schema format and
 * checks them against each other (relation targets, inverse sides, uid target fields).
 * Throws a {@link ContentModelError} naming the file, and the field or line, at the first problem.
 */
export function loadContentModels(dir: string): LoadedModel[] {
	const files = readdirSync(dir)
		.filter((name) => name.endsWith(".json"))
		.sort();
	const display = (name: string) => join(basename(dir), name);
	if (files.length === 0) {
		throw new ContentModelError(basename(dir), "holds no content type. Add one `<name>.json` file per content type.");
	}
	const components = loadComponents(dir);
	const models = files.map((name) => ({ ...parseModel(display(name), readFileSync(join(dir, name), "utf8"), name), components }));
	checkRelations(models);
	checkComponents(models, components);
	return models;
}

/**
 * Reads the components of a content-models folder: `components/<category>/<name>.json`, as Strapi
 * keeps them in `src/components/`. Throws a {@link ContentModelError} naming the file at the first problem.
 */
export function loadComponents(dir: string): ReadonlyMap<string, LoadedComponent> {
	const root = join(dir, "components");
	const found = new Map<string, LoadedComponent>();
	if (!existsSync(root)) return found;
	const categories = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory());
	for (const category of categories.map((entry) => entry.name).sort()) {
		for (const fileName of readdirSync(join(root, category))
			.filter((name) => name.endsWith(".json"))
			.sort()) {
			const file = join(basename(dir), "components", category, fileName);
			const name = fileName.slice(0, -".json".length);
			if (!/^[a-z][a-z0-9-]*$/.test(category) || !/^[a-z][a-z0-9-]*$/.test(name)) {
				throw new ContentModelError(
					file,
					"must be named components/<category>/<name>.json in kebab-case (lowercase letters, digits, dashes).",
				);
			}
			const parsed = componentModelSchema.safeParse(parseJson(file, readFileSync(join(root, category, fileName), "utf8")));
			if (!parsed.success) throw new ContentModelError(file, describeIssues(parsed.error), { cause: parsed.error });
			const uid = `${category}.${name}`;
			found.set(uid, { file, uid, category, name, component: parsed.data });
		}
	}
	return found;
}

function checkComponents(models: readonly LoadedModel[], components: ReadonlyMap<string, LoadedComponent>): void {
	for (const { file, model } of models) {
		for (const [name, attribute] of Object.entries(model.attributes)) {
			if (attribute.type === "component" && !components.has(attribute.component)) {
				const known = [...components.keys()];
				throw new ContentModelError(
					file,
					`field "${name}": component "${attribute.component}" has no file components/${attribute.component.replace(".", "/")}.json. ${known.length > 0 ? `Known: ${known.join(", ")}.` : "Add it there."}`,
				);
			}
		}
	}
}

function parseJson(file: string, text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new ContentModelError(file, `is not valid JSON${jsonErrorLocation(text, error)}. Fix the syntax and run the sync again.`, {
			cause: error,
		});
	}
}

/** Parses and checks one content-model file's text. `fileName` must be `<singularName>.json`. */
export function parseModel(file: string, text: string, fileName = basename(file)): LoadedModel {
	const json = parseJson(file, text);
	const parsed = contentModelSchema.safeParse(json);
	if (!parsed.success) {
		throw new ContentModelError(file, describeIssues(parsed.error), { cause: parsed.error });
	}
	const model = parsed.data;
	const expected = `${model.info.singularName}.json`;
	if (fileName !== expected) {
		throw new ContentModelError(file, `declares singularName "${model.info.singularName}", so the file must be named ${expected}.`);
	}
	for (const [name, attribute] of Object.entries(model.attributes)) {
		if (attribute.type === "uid" && attribute.targetField !== undefined && !(attribute.targetField in model.attributes)) {
			throw new ContentModelError(
				file,
				`field "${name}": targetField "${attribute.targetField}" is not an attribute of ${model.info.singularName}. Use one of: ${Object.keys(model.attributes).join(", ")}.`,
			);
		}
	}
	const uid = `api::${model.info.singularName}.${model.info.singularName}`;
	return { file, uid, model };
}

function checkRelations(models: LoadedModel[]): void {
	const byUid = new Map(models.map((entry) => [entry.uid, entry]));
	for (const { file, model } of models) {
		for (const [name, attribute] of Object.entries(model.attributes)) {
			if (attribute.type !== "relation") continue;
			const target = byUid.get(attribute.target);
			if (!target) {
				throw new ContentModelError(
					file,
					`field "${name}": relation target "${attribute.target}" is not a content type of this folder. Known: ${[...byUid.keys()].join(", ")}.`,
				);
			}
			const inverse = attribute.inversedBy ?? attribute.mappedBy;
			if (inverse !== undefined) {
				const other = target.model.attributes[inverse];
				if (other?.type !== "relation" || other.target !== `api::${model.info.singularName}.${model.info.singularName}`) {
					throw new ContentModelError(
						file,
						`field "${name}": the other side "${inverse}" is not a relation of ${target.file} back to ${model.info.singularName}. Add it there, or remove "${attribute.inversedBy ? "inversedBy" : "mappedBy"}".`,
					);
				}
			}
		}
	}
}

function describeIssues(error: z.ZodError): string {
	const [issue] = error.issues;
	if (!issue) return "does not match Strapi's content-type format.";
	const [first, second, ...rest] = issue.path.map(String);
	const where =
		first === "attributes" && second !== undefined
			? `field "${second}"${rest.length > 0 ? ` (${rest.join(".")})` : ""}`
			: issue.path.length > 0
				? `"${issue.path.join(".")}"`
				: "the file";
	const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : "";
	return `${where}: ${issue.message}${more}. See Strapi's content-type schema format, then run the sync again.`;
}

function jsonErrorLocation(text: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const reason = message.replace(/ in JSON at position.*$/, "");
	const position = /position (\d+)/.exec(message)?.[1];
	if (position === undefined) return ` (${reason})`;
	const before = text.slice(0, Number(position));
	const line = before.split("\n").length;
	const column = Number(position) - before.lastIndexOf("\n");
	return ` at line ${line}, column ${column} (${reason})`;
}
