// The content manager's views of the FAQ entries, categories and site settings, as the start-up sets them
// (src/bootstrap/content-manager-views.ts): read back through the admin API an editor's browser uses.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CATEGORY_UID, ENTRY_UID, SETTINGS_UID } from "@aide/cms-contract";
import { contentModelsDir, loadComponents, loadContentModels } from "@aide/content-schema";
import { type RunningCms, request, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIELD_LABELS } from "../src/admin/field-labels";
import { COMPONENT_TEXTS, CONTENT_MANAGER_TEXTS } from "../src/bootstrap/content-manager-texts";
import { COMPONENT_VIEWS, CONTENT_MANAGER_VIEWS, configuredView, type ViewConfiguration } from "../src/bootstrap/content-manager-views";

interface Configuration extends ViewConfiguration {
	metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
}

const configurationOf = async (cms: RunningCms, token: string, uid: string): Promise<Configuration> => {
	const response = await request(`${cms.url}/content-manager/content-types/${uid}/configuration`, { token });
	expect(response.status).toBe(200);
	return response.body.data.contentType;
};

/** What an admin's "Configure the view" page sends back: the stored fields, without those the GET adds. */
const asSaved = ({ settings, metadatas, layouts }: Configuration) => ({
	settings,
	layouts,
	metadatas: Object.fromEntries(
		Object.entries(metadatas)
			.filter(([field]) => field !== "documentId")
			.map(([field, { edit, list }]) => {
				const { mainField: _added, ...stored } = list;
				return [field, { edit, list: stored }];
			}),
	),
});

const editFields = (configuration: Configuration) => configuration.layouts.edit.map((row) => row.map((cell) => cell.name));

describe("the texts and views", () => {
	const models = new Map(loadContentModels(contentModelsDir).map((loaded) => [loaded.uid, loaded.model]));

	it("give every field of the three content types a label in French and in English", () => {
		for (const uid of [ENTRY_UID, CATEGORY_UID, SETTINGS_UID]) {
			const fields = Object.keys(models.get(uid)?.attributes ?? {});
			expect(fields.length).toBeGreaterThan(0);
			for (const field of fields) {
				const text = CONTENT_MANAGER_TEXTS[uid]?.fields[field];
				expect(text?.label.fr, `${uid} ${field}`).toMatch(/\S/);
				expect(text?.label.en, `${uid} ${field}`).toMatch(/\S/);
			}
		}
	});

	it("give every field of the components a label in French and in English, and name only their fields", () => {
		const components = loadComponents(contentModelsDir);
		expect(components.size).toBeGreaterThan(0);
		for (const [uid, { component }] of components) {
			const fields = Object.keys(component.attributes);
			for (const field of fields) {
				expect(COMPONENT_TEXTS[uid]?.fields[field]?.label.fr, `${uid} ${field}`).toMatch(/\S/);
				expect(COMPONENT_TEXTS[uid]?.fields[field]?.label.en, `${uid} ${field}`).toMatch(/\S/);
			}
			const view = COMPONENT_VIEWS[uid];
			const named = [
				...Object.keys(COMPONENT_TEXTS[uid]?.fields ?? {}),
				...(view ? [view.mainField, ...view.edit.flat().map(([field]) => field)] : []),
			];
			for (const field of named) expect(fields, `${uid} names ${field}`).toContain(field);
		}
		for (const uid of [...Object.keys(COMPONENT_TEXTS), ...Object.keys(COMPONENT_VIEWS)]) expect([...components.keys()]).toContain(uid);
	});

	it("name only fields the content models have", () => {
		const timestamps = ["createdAt", "updatedAt"];
		for (const [uid, texts] of Object.entries(CONTENT_MANAGER_TEXTS)) {
			const attributes = Object.keys(models.get(uid)?.attributes ?? {});
			expect(attributes, uid).not.toHaveLength(0);
			const view = CONTENT_MANAGER_VIEWS[uid];
			const named = [
				...Object.keys(texts.fields),
				...(view ? [view.mainField, view.sort.by, ...view.list, ...view.edit.flat().map(([field]) => field)] : []),
			];
			for (const field of named) expect([...attributes, ...timestamps], `${uid} names ${field}`).toContain(field);
		}
	});

	it("give the admin panel the labels and the type names in both languages", () => {
		expect(FIELD_LABELS.fr[`content-manager.content-types.${ENTRY_UID}.keywords`]).toBe("Mots-clés");
		expect(FIELD_LABELS.en[`content-manager.content-types.${ENTRY_UID}.keywords`]).toBe("Keywords");
		expect(FIELD_LABELS.fr[`content-manager.content-types.${ENTRY_UID}.updatedAt`]).toBe("Dernière modification");
		expect(FIELD_LABELS.en["content-manager.components.site.footer-link.url"]).toBe("Link address");
		// The admin translates a type's name by its displayName, read from the model.
		expect(FIELD_LABELS.fr[models.get(ENTRY_UID)?.info.displayName ?? ""]).toBe("Questions-réponses");
		expect(FIELD_LABELS.fr[models.get(SETTINGS_UID)?.info.displayName ?? ""]).toBe("Réglages du site");
		// In English, the displayName itself: the English admin's menu is unchanged.
		expect(FIELD_LABELS.en[models.get(ENTRY_UID)?.info.displayName ?? ""]).toBeUndefined();
	});
});

describe("the content manager's configuration after a start", () => {
	const dataDir = mkdtempSync(join(tmpdir(), "aide-views-"));
	let cms: RunningCms;
	let token: string;
	beforeAll(async () => {
		cms = await startCms({ dataDir });
		token = await cms.adminToken();
	});
	afterAll(async () => {
		await cms?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it("lists the entries by question, category and last update, last changed first, with French labels and help texts", async () => {
		const entries = await configurationOf(cms, token, ENTRY_UID);
		expect(entries.layouts.list).toEqual(["question", "category", "updatedAt"]);
		expect(entries.settings).toMatchObject({ mainField: "question", defaultSortBy: "updatedAt", defaultSortOrder: "DESC" });
		expect(editFields(entries)).toEqual([
			["question"],
			["answer"],
			["summary", "category"],
			["keywords", "related"],
			["slug"],
			["anchor", "order"],
		]);
		expect(entries.layouts.edit[0]).toEqual([{ name: "question", size: 12 }]);
		const { slug, anchor, keywords, summary, category, related, question, updatedAt } = entries.metadatas;
		expect(slug?.edit).toMatchObject({ label: "Adresse (slug)", placeholder: "changer-mon-mot-de-passe" });
		expect(slug?.edit.description).toContain("/fr/faq/<slug>/");
		expect(anchor?.edit.description).toContain("/q/<ancre>/");
		expect(anchor?.edit.description).toContain("#<ancre>");
		expect(keywords?.edit.description).toContain("Jamais affichés");
		expect(summary?.edit.description).toContain("description de la page");
		expect(question?.list.label).toBe("Question");
		expect(updatedAt?.list.label).toBe("Dernière modification");
		// Relations show the other side's main field: a category's name, an answer's question.
		expect(category?.edit.mainField).toBe("name");
		expect(category?.list.mainField).toBe("name");
		expect(related?.edit.mainField).toBe("question");
	});

	it("sorts the categories by their order and shows their answers by question", async () => {
		const categories = await configurationOf(cms, token, CATEGORY_UID);
		expect(categories.settings).toMatchObject({ mainField: "name", defaultSortBy: "order", defaultSortOrder: "ASC" });
		expect(categories.metadatas.entries?.edit.mainField).toBe("question");
		expect(categories.metadatas.name?.edit.label).toBe("Nom");
	});

	it("labels the site settings", async () => {
		const settings = await configurationOf(cms, token, SETTINGS_UID);
		expect(settings.metadatas.accentColor?.edit).toMatchObject({ label: "Couleur principale", placeholder: "#1d4ed8" });
		expect(editFields(settings).flat()).toEqual(["name", "tagline", "logo", "accentColor", "contactLabel", "contactUrl", "footerLinks"]);
	});

	it("labels the footer links and titles each by its text", async () => {
		const response = await request(`${cms.url}/content-manager/components/site.footer-link/configuration`, { token });
		expect(response.status).toBe(200);
		const footerLink: Configuration = response.body.data.component;
		expect(footerLink.settings.mainField).toBe("label");
		expect(footerLink.metadatas.url?.edit).toMatchObject({ label: "Adresse du lien", placeholder: "Ex. : /fr/a-propos/" });
		expect(editFields(footerLink)).toEqual([["label", "url"]]);
	});

	it("is a configuration the content manager's own validator accepts", async () => {
		for (const uid of [ENTRY_UID, CATEGORY_UID, SETTINGS_UID]) {
			const stored = await configurationOf(cms, token, uid);
			const saved = await request(`${cms.url}/content-manager/content-types/${uid}/configuration`, {
				token,
				method: "PUT",
				body: asSaved(stored),
			});
			expect(saved.status, `${uid}: ${JSON.stringify(saved.body)}`).toBe(200);
		}
		const path = `${cms.url}/content-manager/components/site.footer-link/configuration`;
		const footerLink: Configuration = (await request(path, { token })).body.data.component;
		const saved = await request(path, { token, method: "PUT", body: asSaved(footerLink) });
		expect(saved.status, JSON.stringify(saved.body)).toBe(200);
	});

	it("is put back on the next start after an admin changed it, keeping what the code does not set", async () => {
		const stored = await configurationOf(cms, token, ENTRY_UID);
		const changed = asSaved(stored);
		changed.settings = { ...changed.settings, pageSize: 50, defaultSortBy: "question", defaultSortOrder: "ASC" };
		changed.layouts = { list: ["id", "slug"], edit: [...changed.layouts.edit].reverse() };
		const slug = changed.metadatas.slug;
		if (slug) slug.edit = { ...slug.edit, label: "slug", description: "" };
		const saved = await request(`${cms.url}/content-manager/content-types/${ENTRY_UID}/configuration`, {
			token,
			method: "PUT",
			body: changed,
		});
		expect(saved.status, JSON.stringify(saved.body)).toBe(200);
		expect((await configurationOf(cms, token, ENTRY_UID)).metadatas.slug?.edit.label).toBe("slug");

		await cms.stop();
		cms = await startCms({ dataDir });
		token = await cms.adminToken();
		const restarted = await configurationOf(cms, token, ENTRY_UID);
		expect(restarted.metadatas.slug?.edit).toMatchObject({ label: "Adresse (slug)" });
		expect(restarted.layouts).toEqual(stored.layouts);
		expect(restarted.settings).toMatchObject({ defaultSortBy: "updatedAt", defaultSortOrder: "DESC", pageSize: 50 });
	});

	it("puts a field the content models gained at the end of the form, under its own name", async () => {
		// A new field as Strapi's own sync presents it: its default metadata, appended to the stored layout.
		const types = await request(`${cms.url}/content-manager/content-types`, { token });
		const model = (types.body.data as Array<ViewConfiguration & { uid: string; attributes: Record<string, { type: string }> }>).find(
			(type) => type.uid === ENTRY_UID,
		);
		if (!model) throw new Error(`No ${ENTRY_UID} in ${JSON.stringify(types.body)}`);
		const stored = await configurationOf(cms, token, ENTRY_UID);
		const grown = { ...model, attributes: { ...model.attributes, videoUrl: { type: "string" } } };
		const current: ViewConfiguration = {
			...stored,
			metadatas: {
				...stored.metadatas,
				videoUrl: {
					edit: { label: "videoUrl", description: "", placeholder: "", visible: true, editable: true },
					list: { label: "videoUrl", searchable: true, sortable: true },
				},
			},
			layouts: { ...stored.layouts, edit: [...stored.layouts.edit, [{ name: "videoUrl", size: 6 }]] },
		};
		const texts = CONTENT_MANAGER_TEXTS[ENTRY_UID];
		const view = CONTENT_MANAGER_VIEWS[ENTRY_UID];
		if (!texts || !view) throw new Error(`No view of ${ENTRY_UID}`);
		const result = configuredView(current, grown, view, texts, () => ({ default: 6, isResizable: true }));
		expect(result.layouts.edit.at(-1)).toEqual([{ name: "videoUrl", size: 6 }]);
		expect(result.layouts.edit.slice(0, -1)).toEqual(stored.layouts.edit);
		expect(result.metadatas.videoUrl?.edit.label).toBe("videoUrl");
		expect(result.metadatas.question?.edit.label).toBe("Question");
	});
});
