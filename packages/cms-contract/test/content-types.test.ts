// The contract's names and limits, checked against the content models they come from.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
	ANCHOR_MAX_LENGTH,
	CATEGORY_COLLECTION,
	CATEGORY_UID,
	ENTRY_COLLECTION,
	ENTRY_UID,
	INSIGHT_FEEDBACK_UID,
	INSIGHT_QUERY_MAX_LENGTH,
	INSIGHT_SEARCH_UID,
	SETTINGS_PATH,
	SETTINGS_UID,
	SLUG_MAX_LENGTH,
	SLUG_PATTERN,
} from "../index.js";

interface Model {
	kind: string;
	info: { singularName: string; pluralName: string };
	options: { draftAndPublish?: boolean };
	pluginOptions?: { i18n?: { localized?: boolean }; "content-manager"?: { visible?: boolean } };
	attributes: Record<string, { type: string; regex?: string; maxLength?: number }>;
}

const dir = new URL("../../../content-models/", import.meta.url);
const models = new Map(
	readdirSync(dir)
		.filter((name) => name.endsWith(".json"))
		.map((name) => {
			const model = JSON.parse(readFileSync(new URL(name, dir), "utf8")) as Model;
			// The uid as packages/content-schema/src/load-models.ts makes it.
			return [`api::${model.info.singularName}.${model.info.singularName}`, model] as const;
		}),
);

describe("the content types", () => {
	it("are named as content-models/ declares them", () => {
		expect([...models.keys()].sort()).toEqual([CATEGORY_UID, ENTRY_UID, INSIGHT_FEEDBACK_UID, INSIGHT_SEARCH_UID, SETTINGS_UID].sort());
		expect(models.get(ENTRY_UID)?.info.pluralName).toBe(ENTRY_COLLECTION);
		expect(models.get(CATEGORY_UID)?.info.pluralName).toBe(CATEGORY_COLLECTION);
		expect(models.get(SETTINGS_UID)?.kind).toBe("singleType");
		expect(models.get(SETTINGS_UID)?.info.singularName).toBe(SETTINGS_PATH);
	});

	it("keep the insight aggregates out of editors' hands: collections, not localised, no drafts, hidden from the content manager", () => {
		for (const uid of [INSIGHT_SEARCH_UID, INSIGHT_FEEDBACK_UID]) {
			const model = models.get(uid);
			expect(model?.kind, uid).toBe("collectionType");
			expect(model?.options.draftAndPublish, uid).toBe(false);
			expect(model?.pluginOptions?.i18n?.localized, uid).toBe(false);
			expect(model?.pluginOptions?.["content-manager"]?.visible, uid).toBe(false);
		}
		expect(models.get(INSIGHT_SEARCH_UID)?.attributes.query?.maxLength).toBe(INSIGHT_QUERY_MAX_LENGTH);
	});

	it("take slugs and anchors the slug rule makes", () => {
		const entry = models.get(ENTRY_UID)?.attributes;
		const category = models.get(CATEGORY_UID)?.attributes;
		for (const field of [entry?.slug, entry?.anchor, category?.slug]) expect(field?.regex).toBe(SLUG_PATTERN.source);
		expect(entry?.anchor?.maxLength).toBe(ANCHOR_MAX_LENGTH);
		for (const slug of [entry?.slug, category?.slug])
			expect(slug?.maxLength ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(SLUG_MAX_LENGTH);
	});
});
