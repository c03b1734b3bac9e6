import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LoadedComponent, LoadedModel } from "./load-models.ts";
import type { Attribute } from "./model-schema.ts";

const pascal = (name: string) => name.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());

function tsType(attribute: Attribute, models: Map<string, LoadedModel>): string {
	switch (attribute.type) {
		case "integer":
		case "biginteger":
		case "decimal":
		case "float":
			return "number";
		case "boolean":
			return "boolean";
		case "enumeration":
			return attribute.enum.map((value) => JSON.stringify(value)).join(" | ");
		case "relation": {
			const target = models.get(attribute.target);
			const name = target ? `${pascal(target.model.info.singularName)}Ref` : "{ documentId: string }";
			return attribute.relation === "manyToOne" || attribute.relation === "oneToOne" ? name : `${name}[]`;
		}
		case "media":
			return attribute.multiple ? "Media[]" : "Media";
		case "component":
			return `${componentName(attribute.component)}${attribute.repeatable ? "[]" : ""}`;
		case "json":
		case "blocks":
			return "unknown";
		default:
			return "string";
	}
}

/** `site.footer-link` -> `SiteFooterLink`. */
const componentName = (uid: string) => uid.split(".").map(pascal).join("");

const MEDIA = [
	"/** A file of the media library, as a populated media field returns it (see mediaSchema). */",
	"export interface Media {",
	"\treadonly url: string;",
	"\treadonly mime: string;",
	"\treadonly name?: string;",
	"\treadonly alternativeText?: string | null;",
	"\treadonly width?: number | null;",
	"\treadonly height?: number | null;",
	"}",
].join("\n");

function fieldLine(field: string, attribute: Attribute, models: Map<string, LoadedModel>): string {
	const relation = attribute.type === "relation";
	const optional = relation || !attribute.required;
	const type = tsType(attribute, models);
	return `\treadonly ${field}${relation ? "?" : ""}: ${type}${optional && !relation ? " | null" : ""}${relation && (attribute.relation === "manyToOne" || attribute.relation === "oneToOne") ? " | null" : ""};`;
}

function componentBlock(component: LoadedComponent, models: Map<string, LoadedModel>): string {
	return [
		`/** ${component.component.info.displayName} (component ${component.uid}), as a populated component field returns it. */`,
		`export interface ${componentName(component.uid)} {`,
		...Object.entries(component.component.attributes).map(([field, attribute]) => fieldLine(field, attribute, models)),
		"}",
	].join("\n");
}

/**
 * TypeScript types of the documents the REST API returns, one interface per content model. The
 * output is committed (packages/content-schema/src/generated/types.ts) and a test fails when it
 * drifts from content-models/.
 */
export function generateTypes(models: readonly LoadedModel[]): string {
	const byUid = new Map(models.map((entry) => [entry.uid, entry]));
	const blocks = models.map((entry) => {
		const name = pascal(entry.model.info.singularName);
		const fields = Object.entries(entry.model.attributes).map(([field, attribute]) => fieldLine(field, attribute, byUid));
		return [
			`/** ${entry.model.info.displayName} (${entry.uid}), as \`/api/${entry.model.kind === "singleType" ? entry.model.info.singularName : entry.model.info.pluralName}\` returns it. */`,
			`export interface ${name} {`,
			"\treadonly documentId: string;",
			"\treadonly locale: string;",
			"\treadonly updatedAt: string;",
			"\treadonly publishedAt?: string | null;",
			...fields,
			"}",
			"",
			`/** A populated relation to a ${entry.model.info.displayName}. */`,
			`export type ${name}Ref = { readonly documentId: string } & Partial<Omit<${name}, "documentId">>;`,
		].join("\n");
	});
	const components = new Map(models.flatMap((entry) => [...(entry.components ?? [])]));
	const usesMedia = [
		...models.map((entry) => entry.model.attributes),
		...[...components.values()].map((entry) => entry.component.attributes),
	].some((attributes) => Object.values(attributes).some((attribute) => attribute.type === "media"));
	const extra = [...(usesMedia ? [MEDIA] : []), ...[...components.values()].map((component) => componentBlock(component, byUid))];
	return `// Generated from content-models/ by packages/content-schema (generateTypes). Do not edit.\n\n${[...blocks, ...extra].join("\n\n")}\n`;
}

/** Where the generated types live, committed. */
export const generatedTypesFile = fileURLToPath(new URL("./generated/types.ts", import.meta.url));

/** Writes the generated types (or, with `check`, only tells whether they differ). Returns true when they differ. */
export function syncGeneratedTypes(models: readonly LoadedModel[], { check = false } = {}): boolean {
	const content = generateTypes(models);
	const current = existsSync(generatedTypesFile) ? readFileSync(generatedTypesFile, "utf8") : undefined;
	if (current === content) return false;
	if (!check) writeFileSync(generatedTypesFile, content);
	return true;
}
