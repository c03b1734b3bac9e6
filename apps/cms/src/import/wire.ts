// The import's wire format (its types are in @aide/cms-contract, shared with packages/faq-import),
// checked on arrival: the client is trusted with nothing.
import type { ImportRequest, PlannedCategory, PlannedEntry } from "@aide/cms-contract";
import { localeCodes } from "@aide/locales";

/** Thrown for a request that does not match the wire format; becomes a 400. */
export class WireError extends Error {
	override name = "WireError";
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function text(value: unknown, where: string, { empty = false } = {}): string {
	if (typeof value !== "string" || (!empty && value.trim() === "")) throw new WireError(`${where} must be non-empty text.`);
	return value;
}

function integer(value: unknown, where: string): number {
	if (!Number.isInteger(value) || (value as number) < 0) throw new WireError(`${where} must be a whole number >= 0.`);
	return value as number;
}

function locales<T>(value: unknown, where: string, item: (value: unknown, where: string) => T): Record<string, T> {
	if (!isRecord(value) || Object.keys(value).length === 0) throw new WireError(`${where} must map locales to content.`);
	return Object.fromEntries(
		Object.entries(value).map(([locale, content]) => {
			if (!localeCodes.includes(locale))
				throw new WireError(`${where}: "${locale}" is not one of the CMS's locales (${localeCodes.join(", ")}).`);
			return [locale, item(content, `${where}.${locale}`)];
		}),
	);
}

/** Checks an import request's body; throws a {@link WireError} naming the first wrong field. */
export function parseImportRequest(body: unknown): ImportRequest {
	if (!isRecord(body) || !isRecord(body.group)) throw new WireError("The body must be { group, publish, dryRun }.");
	const group = body.group;
	if (!Array.isArray(group.entries)) throw new WireError("group.entries must be a list.");
	if (!Array.isArray(group.files)) throw new WireError("group.files must be a list.");
	const category: PlannedCategory | null =
		group.category === null
			? null
			: isRecord(group.category)
				? {
						order: integer(group.category.order, "group.category.order"),
						locales: locales(group.category.locales, "group.category.locales", (value, where) => {
							if (!isRecord(value)) throw new WireError(`${where} must be { name, description }.`);
							const description = value.description === null ? null : text(value.description, `${where}.description`, { empty: true });
							return { name: text(value.name, `${where}.name`), description };
						}),
					}
				: (() => {
						throw new WireError("group.category must be an object or null.");
					})();
	const entries = group.entries.map((entry: unknown, index: number): PlannedEntry => {
		const where = `group.entries[${index}]`;
		if (!isRecord(entry)) throw new WireError(`${where} must be an object.`);
		return {
			anchor: text(entry.anchor, `${where}.anchor`),
			order: integer(entry.order, `${where}.order`),
			locales: locales(entry.locales, `${where}.locales`, (value, at) => {
				if (!isRecord(value)) throw new WireError(`${at} must be { question, answer, source }.`);
				return {
					question: text(value.question, `${at}.question`),
					answer: text(value.answer, `${at}.answer`),
					keywords:
						value.keywords === null || value.keywords === undefined ? null : text(value.keywords, `${at}.keywords`, { empty: true }),
					source: text(value.source, `${at}.source`),
				};
			}),
		};
	});
	return {
		group: {
			key: text(group.key, "group.key"),
			files: group.files.map((file: unknown, i: number) => text(file, `group.files[${i}]`)),
			category,
			entries,
		},
		publish: body.publish === true,
		dryRun: body.dryRun === true,
	};
}
