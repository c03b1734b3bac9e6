/**
 * Fields with a `regex` in their content model (the slugs and the anchor) are checked on every save,
 * drafts included. Strapi checks them only when an entry is published, but a draft's slug is already
 * an address on the site service's preview: `..` or `a/b` must never be stored at all.
 */
import { errors } from "@strapi/utils";
// What each pattern asks, in words: generated from content-models/ by the sync (see packages/content-schema).
import patternRules from "../generated/pattern-rules.json";

/** The pattern of slugs and anchors (content-models/*.json): words of a-z and 0-9 joined by single dashes. */
export const WORDS_WITH_DASHES = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

const WRITES = new Set(["create", "update", "clone"]);

interface DocumentCall {
	action: string;
	contentType: { info?: { displayName?: string }; attributes: Record<string, { type: string; regex?: string }> };
	params?: { data?: Record<string, unknown> };
}

/** What an editor reads when a value does not match its field's pattern. */
export function patternMessage(field: string, value: string, regex: string): string {
	if (regex === WORDS_WITH_DASHES)
		return `${field} "${value}" is refused: it becomes part of an address on the site, so use only lowercase letters a to z and digits, in words joined by single dashes, such as "changer-mon-mot-de-passe".`;
	const rule = (patternRules as Record<string, string | undefined>)[regex];
	return `${field} "${value}" is refused: it ${rule ?? `must match ${regex}`}.`;
}

export function patternFields() {
	return async (call: DocumentCall, next: () => Promise<unknown>) => {
		const data = call.params?.data;
		if (WRITES.has(call.action) && data) {
			const problems = Object.entries(call.contentType.attributes).flatMap(([field, attribute]) => {
				const value = data[field];
				if (!attribute.regex || typeof value !== "string" || value === "" || new RegExp(attribute.regex).test(value)) return [];
				return [{ path: [field], message: patternMessage(field, value, attribute.regex), name: "ValidationError", value }];
			});
			if (problems.length > 0) {
				throw new errors.ValidationError(problems.map((problem) => problem.message).join(" "), { errors: problems });
			}
		}
		return next();
	};
}
