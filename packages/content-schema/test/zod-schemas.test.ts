// The REST schemas derived from a content model hold the model's own rules: a `regex` is checked on
// read as Strapi checks it on save, and a uid (a slug) can never name a folder outside its page's.
import { describe, expect, it } from "vitest";
import { parseModel, restSchemaFor } from "../src/index.ts";

const model = (slug: Record<string, unknown>) =>
	parseModel(
		"content-models/page.json",
		JSON.stringify({
			kind: "collectionType",
			collectionName: "pages",
			info: { singularName: "page", pluralName: "pages", displayName: "Page" },
			options: { draftAndPublish: true },
			attributes: {
				title: { type: "string", required: true },
				slug: { type: "uid", targetField: "title", required: true, ...slug },
				anchor: { type: "string", regex: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
			},
		}),
	);
const document = (fields: Record<string, unknown>) => ({ documentId: "d1", locale: "en", updatedAt: "2026-01-01", title: "T", ...fields });
const problem = (schema: ReturnType<typeof restSchemaFor>, fields: Record<string, unknown>) => {
	const result = schema.safeParse(document(fields));
	return result.success ? undefined : `${result.error.issues[0]?.path.join(".")}: ${result.error.issues[0]?.message}`;
};

const HOSTILE = [".", "..", "a/b", "/etc", "%2e%2e", "..%2F..", "a\\b", "a\0b", " ", ""];

describe("a uid with the model's regex", () => {
	const schema = restSchemaFor(model({ regex: "^[a-z0-9]+(?:-[a-z0-9]+)*$" }));

	it("refuses every slug that is not a plain folder name, saying which rule", () => {
		for (const slug of HOSTILE) expect(problem(schema, { slug }), JSON.stringify(slug)).toMatch(/^slug: must (match|not be empty)/);
		expect(problem(schema, { slug: "a/b" })).toBe("slug: must match the content model's pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$");
		expect(problem(schema, { slug: "where-are-your-servers-2" })).toBeUndefined();
	});
});

describe("a uid without a regex", () => {
	const schema = restSchemaFor(model({}));

	it("holds Strapi's own uid rule, and refuses the dot segments it lets through", () => {
		for (const slug of HOSTILE) expect(problem(schema, { slug }), JSON.stringify(slug)).toBeDefined();
		expect(problem(schema, { slug: ".." })).toBe('slug: must not be "." or "..": it names a folder of the site');
		expect(problem(schema, { slug: "a/b" })).toBe('slug: must hold only letters, digits, "-", "_", "." and "~"');
		expect(problem(schema, { slug: "v1.2_notes~" })).toBeUndefined();
	});
});

describe("an optional string with a regex (the anchor)", () => {
	const schema = restSchemaFor(model({}));

	it("must match it when set, and may be empty or missing", () => {
		for (const anchor of ["..", "a b", "#x", "x/y", "%2e"]) {
			expect(problem(schema, { slug: "s", anchor }), anchor).toBe(
				"anchor: must match the content model's pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$",
			);
		}
		for (const anchor of [null, undefined, "", "close-account"])
			expect(problem(schema, { slug: "s", anchor }), String(anchor)).toBeUndefined();
	});
});

it("a uid's regex must be a regular expression", () => {
	expect(() => model({ regex: "^[a-z" })).toThrow('content-models/page.json: field "slug" (regex): is not a valid regular expression.');
});
