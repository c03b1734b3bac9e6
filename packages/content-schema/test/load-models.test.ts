import { fileURLToPath } from "node:url";
import { messageOf } from "@aide/testing";
import { describe, expect, it } from "vitest";
import { ContentModelError, contentModelsDir, loadContentModels, parseModel } from "../src/index.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));

describe("loadContentModels on the repository's content-models/", () => {
	const models = loadContentModels(contentModelsDir);
	const byName = new Map(models.map((entry) => [entry.model.info.singularName, entry]));

	it("holds the FAQ entry, the category, the site settings and the two insight aggregates, with their REST names", () => {
		expect([...byName.keys()].sort()).toEqual(["category", "faq-entry", "insight-feedback", "insight-search", "site-setting"]);
		expect(byName.get("faq-entry")?.model.info.pluralName).toBe("faq-entries");
		expect(byName.get("category")?.model.info.pluralName).toBe("categories");
	});

	it("makes FAQ entries localized drafts with the fields a help center needs", () => {
		const entry = byName.get("faq-entry")?.model;
		expect(entry?.options.draftAndPublish).toBe(true);
		expect(entry?.pluginOptions?.i18n?.localized).toBe(true);
		const localized = (field: string) => entry?.attributes[field]?.pluginOptions?.i18n.localized;
		for (const field of ["question", "slug", "answer", "summary", "keywords"]) expect(localized(field)).toBe(true);
		expect(localized("order")).toBe(false);
		expect(entry?.attributes.slug).toMatchObject({ type: "uid", targetField: "question" });
		expect(entry?.attributes.answer).toMatchObject({ type: "richtext", required: true });
		expect(entry?.attributes.category).toMatchObject({ type: "relation", target: "api::category.category" });
		expect(entry?.attributes.related).toMatchObject({ type: "relation", target: "api::faq-entry.faq-entry" });
	});

	it("gives categories a localized name and slug and a shared order", () => {
		const category = byName.get("category")?.model;
		expect(category?.attributes.name?.pluginOptions?.i18n.localized).toBe(true);
		expect(category?.attributes.slug).toMatchObject({ type: "uid", targetField: "name" });
		expect(category?.attributes.order?.pluginOptions?.i18n.localized).toBe(false);
	});

	it("makes the site settings one localized document: texts per locale, logo, colour and contact address shared", () => {
		const settings = byName.get("site-setting");
		expect(settings?.model.kind).toBe("singleType");
		expect(settings?.model.options.draftAndPublish).toBe(true);
		const localized = (field: string) => settings?.model.attributes[field]?.pluginOptions?.i18n.localized;
		for (const field of ["name", "tagline", "contactLabel", "footerLinks"]) expect(localized(field), field).toBe(true);
		for (const field of ["logo", "accentColor", "contactUrl"]) expect(localized(field), field).toBe(false);
		expect(settings?.model.attributes.logo).toMatchObject({ type: "media", multiple: false, allowedTypes: ["images"] });
		expect(settings?.model.attributes.footerLinks).toMatchObject({ type: "component", repeatable: true, component: "site.footer-link" });
		expect(settings?.components?.get("site.footer-link")?.component.attributes.url).toMatchObject({ type: "string", required: true });
	});
});

describe("errors in content-models files", () => {
	const errorOf = (action: () => unknown) => messageOf(action, ContentModelError);

	it("names the file, line and column of a JSON syntax error", () => {
		expect(errorOf(() => loadContentModels(fixture("broken-json")))).toMatch(
			/^broken-json\/faq-entry\.json: is not valid JSON at line 4, column 3 \(.+\)\. Fix the syntax/,
		);
	});

	it("names the field whose value is wrong", () => {
		expect(errorOf(() => loadContentModels(fixture("bad-field")))).toMatch(
			/^bad-field\/faq-entry\.json: field "question" \(maxLength\): .*number/,
		);
	});

	it("names a relation to a content type that does not exist", () => {
		expect(errorOf(() => loadContentModels(fixture("bad-target")))).toBe(
			'bad-target/faq-entry.json: field "category": relation target "api::topic.topic" is not a content type of this folder. Known: api::faq-entry.faq-entry.',
		);
	});

	it("names a uid whose target field is missing", () => {
		expect(errorOf(() => loadContentModels(fixture("bad-uid")))).toContain(
			'field "slug": targetField "title" is not an attribute of faq-entry. Use one of: question, slug.',
		);
	});

	it("names a component that has no file", () => {
		expect(errorOf(() => loadContentModels(fixture("missing-component")))).toBe(
			'missing-component/page.json: field "links": component "site.link" has no file components/site/link.json. Add it there.',
		);
	});

	it("names the component file and field whose value is wrong", () => {
		expect(errorOf(() => loadContentModels(fixture("bad-component")))).toMatch(
			/^bad-component\/components\/site\/link\.json: field "url" \(type\): /,
		);
	});

	it("requires the file to be named after the singular name", () => {
		const text = JSON.stringify({
			kind: "collectionType",
			collectionName: "things",
			info: { singularName: "thing", pluralName: "things", displayName: "Thing" },
			options: { draftAndPublish: false },
			attributes: {},
		});
		expect(errorOf(() => parseModel("content-models/stuff.json", text))).toBe(
			'content-models/stuff.json: declares singularName "thing", so the file must be named thing.json.',
		);
	});
});
