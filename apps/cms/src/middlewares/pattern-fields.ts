/**
 * Fields with a `regex` in their content model (the slugs and the anchor, the site settings' colour
 * and addresses, the fields of their footer links) are checked on every save, drafts included.
 * Strapi checks them only when an entry is published, but a draft's slug is already an address on the
 * site service's preview: `..` or `a/b` must never be stored at all.
 */
import { errors } from "@strapi/utils";
// What each pattern asks, in words: generated from content-models/ by the sync (see packages/content-schema).
import patternRules from "../generated/pattern-rules.json";

/** The pattern of slugs and anchors (content-models/*.json): words of a-z and 0-9 joined by single dashes. */
export const WORDS_WITH_DASHES = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

const WRITES = new Set(["create", "update", "clone"]);

interface Attribute {
	type: string;
	regex?: string;
	/** A component attribute's component uid (`site.footer-link`). */
	component?: string;
}

interface DocumentCall {
	action: string;
	contentType: { info?: { displayName?: string }; attributes: Record<string, Attribute> };
	params?: { data?: Record<string, unknown> };
}

/** The components' attributes by uid (Strapi's `strapi.components`). */
export type Components = Record<string, { attributes: Record<string, Attribute> } | undefined>;

interface Problem {
	path: string[];
	message: string;
	name: "ValidationError";
	value: string;
}

/** The values of `data` that do not match their attribute's pattern, components' fields included (`footerLinks[0].url`). */
function problemsIn(data: Record<string, unknown>, attributes: Record<string, Attribute>, components: Components, prefix = ""): Problem[] {
	return Object.entries(attributes).flatMap(([field, attribute]) => {
		const value = data[field];
		if (attribute.type === "component" && attribute.component) {
			const inner = components[attribute.component]?.attributes ?? {};
			const items = Array.isArray(value) ? value : value && typeof value === "object" ? [value] : [];
			return items.flatMap((item, index) =>
				item && typeof item === "object"
					? problemsIn(item as Record<string, unknown>, inner, components, `${prefix}${field}${Array.isArray(value) ? `[${index}]` : ""}.`)
					: [],
			);
		}
		if (!attribute.regex || typeof value !== "string" || value === "" || new RegExp(attribute.regex).test(value)) return [];
		const name = `${prefix}${field}`;
		return [{ path: [name], message: patternMessage(name, value, attribute.regex), name: "ValidationError" as const, value }];
	});
}

/** What an editor reads when a value does not match its field's pattern. */
export function patternMessage(field: string, value: string, regex: string): string {
	if (regex === WORDS_WITH_DASHES)
		return `${field} "${value}" is refused: it becomes part of an address on the site, so use only lowercase letters a to z and digits, in words joined by single dashes, such as "changer-mon-mot-de-passe".`;
	const rule = (patternRules as Record<string, string | undefined>)[regex];
	return `${field} "${value}" is refused: it ${rule ?? `must match ${regex}`}.`;
}

/** `components` gives Strapi's components when a save is checked (they are all registered by then). */
export function patternFields(components: () => Components = () => ({})) {
	return async (call: DocumentCall, next: () => Promise<unknown>) => {
		const data = call.params?.data;
		if (WRITES.has(call.action) && data) {
			const problems = problemsIn(data, call.contentType.attributes, components());
			if (problems.length > 0) {
				throw new errors.ValidationError(problems.map((problem) => problem.message).join(" "), { errors: problems });
			}
		}
		return next();
	};
}
