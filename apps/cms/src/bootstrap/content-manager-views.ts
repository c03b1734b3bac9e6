// How the content manager shows the FAQ entries, the categories and the site settings, set from code on
// every start: the list's columns and default sort, the edit form's layout, each field's label, help text
// and placeholder (content-manager-texts.ts), and what a relation to each type shows (its main field).
//
// Code wins: what this file sets is written again on every start, over what an admin changed in
// "Configure the view"; the rest (page size, filters, bulk actions…) stays as they set it. Fields come
// from the content type as Strapi loaded it (from content-models/), never from a list written here: a
// field this file does not name keeps Strapi's label (its name) and goes at the end of the form.
//
// Strapi keeps the configuration in its core store (`plugin_content_manager_configuration_content_types::<uid>`);
// it is written through the content manager's own service, as its "Configure the view" page does.
import { CATEGORY_UID, ENTRY_UID, SETTINGS_UID } from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";
import { COMPONENT_TEXTS, CONTENT_MANAGER_TEXTS, type TypeTexts } from "./content-manager-texts";

/** One field of an edit-form row and its width, out of 12. */
type Cell = readonly [field: string, size: number];

/** What one content type's views show. */
export interface ViewSpec {
	/** What a relation to this type shows of each entry, and the list's first column. */
	readonly mainField: string;
	/**
	 * The list's default sort. Strapi stores one attribute of the type itself (its validator refuses
	 * `category.order` and two fields, though the list API sorts by both), so see the entries' choice below.
	 */
	readonly sort: { readonly by: string; readonly order: "ASC" | "DESC" };
	/** The list's columns. Strapi adds the publication state column itself for types with drafts. */
	readonly list: readonly string[];
	/** The edit form's rows, top to bottom. */
	readonly edit: readonly (readonly Cell[])[];
}

/** The views, by uid. */
export const CONTENT_MANAGER_VIEWS: Readonly<Record<string, ViewSpec>> = {
	[ENTRY_UID]: {
		mainField: "question",
		// Category then order is not storable (see ViewSpec.sort); `order` alone would interleave the
		// categories (it counts within each). The last changed first serves the day's work (review,
		// translation); the Category column's header sorts by category with one click.
		sort: { by: "updatedAt", order: "DESC" },
		list: ["question", "category", "updatedAt"],
		edit: [
			[["question", 12]],
			[["answer", 12]],
			[
				["summary", 6],
				["category", 6],
			],
			[
				["keywords", 6],
				["related", 6],
			],
			[["slug", 12]],
			[
				["anchor", 6],
				["order", 6],
			],
		],
	},
	[CATEGORY_UID]: {
		mainField: "name",
		sort: { by: "order", order: "ASC" },
		list: ["name", "order", "updatedAt"],
		edit: [
			[["name", 12]],
			[["description", 12]],
			[
				["slug", 6],
				["order", 6],
			],
			[["entries", 12]],
		],
	},
	[SETTINGS_UID]: {
		mainField: "name",
		sort: { by: "updatedAt", order: "DESC" },
		list: ["name", "updatedAt"],
		edit: [
			[
				["name", 6],
				["tagline", 6],
			],
			[
				["logo", 6],
				["accentColor", 6],
			],
			[
				["contactLabel", 6],
				["contactUrl", 6],
			],
			[["footerLinks", 12]],
		],
	},
};

/** The components' views, by `<category>.<name>`: their main field titles each item of a repeatable list. */
export const COMPONENT_VIEWS: Readonly<Record<string, ViewSpec>> = {
	"site.footer-link": {
		mainField: "label",
		sort: { by: "label", order: "ASC" },
		list: ["label", "url"],
		edit: [
			[
				["label", 6],
				["url", 6],
			],
		],
	},
};

interface FieldMetadata {
	edit: Record<string, unknown>;
	list: Record<string, unknown>;
}

interface LayoutCell {
	name: string;
	size: number;
}

/** The content manager's configuration of one type, as its service stores it. */
export interface ViewConfiguration {
	settings: Record<string, unknown>;
	metadatas: Record<string, FieldMetadata>;
	layouts: { list: string[]; edit: LayoutCell[][] };
}

interface ContentManagerModel {
	uid: string;
	attributes: Record<string, { type: string; targetModel?: string; customField?: string }>;
}

/** The content manager's `content-types` and `components` services share these. */
interface ConfigurationService {
	findConfiguration(model: ContentManagerModel): Promise<ViewConfiguration>;
	updateConfiguration(model: ContentManagerModel, configuration: ViewConfiguration): Promise<unknown>;
}

interface ContentTypesService extends ConfigurationService {
	findContentType(uid: string): ContentManagerModel | undefined;
}

interface ComponentsService extends ConfigurationService {
	findComponent(uid: string): ContentManagerModel | undefined;
}

interface FieldSizesService {
	hasFieldSize(type: string): boolean;
	getFieldSize(type: string): { default: number; isResizable: boolean };
}

const ROW = 12;

/** Writes the views of {@link CONTENT_MANAGER_VIEWS} and {@link COMPONENT_VIEWS} into the content manager's configuration. */
export async function ensureContentManagerViews(strapi: Core.Strapi): Promise<void> {
	const contentManager = strapi.plugin("content-manager");
	const types = contentManager.service("content-types") as ContentTypesService;
	const components = contentManager.service("components") as ComponentsService;
	const sizes = contentManager.service("field-sizes") as FieldSizesService;
	const apply = async (
		service: ConfigurationService,
		uid: string,
		model: ContentManagerModel | undefined,
		view: ViewSpec,
		texts: Pick<TypeTexts, "fields"> | undefined,
	) => {
		if (!model || !texts) {
			strapi.log.warn(
				`The content manager's view of ${uid} was not set: ${model ? "src/bootstrap/content-manager-texts.ts has no texts for it" : "the CMS has no such content type or component"}. Add it to content-models/ and the texts, or remove it from src/bootstrap/content-manager-views.ts.`,
			);
			return;
		}
		const sizeOf = (field: string): { default: number; isResizable: boolean } => {
			const attribute = model.attributes[field];
			const type = attribute?.customField && sizes.hasFieldSize(attribute.customField) ? attribute.customField : attribute?.type;
			return type && sizes.hasFieldSize(type) ? sizes.getFieldSize(type) : { default: ROW / 2, isResizable: true };
		};
		const current = await service.findConfiguration(model);
		await service.updateConfiguration(model, configuredView(current, model, view, texts, sizeOf));
	};
	for (const [uid, view] of Object.entries(CONTENT_MANAGER_VIEWS)) {
		await apply(types, uid, types.findContentType(uid), view, CONTENT_MANAGER_TEXTS[uid]);
	}
	for (const [uid, view] of Object.entries(COMPONENT_VIEWS)) {
		await apply(components, uid, components.findComponent(uid), view, COMPONENT_TEXTS[uid]);
	}
}

/**
 * The configuration a view asks for, built on the stored one (which Strapi has already synced with the
 * content type): fields the view or the texts name but the type lacks are left out, fields they do not
 * name keep what Strapi gave them and follow at the end of the form.
 */
export function configuredView(
	current: ViewConfiguration,
	model: ContentManagerModel,
	view: ViewSpec,
	texts: Pick<TypeTexts, "fields">,
	sizeOf: (field: string) => { default: number; isResizable: boolean },
): ViewConfiguration {
	const has = (field: string) => field in model.attributes && field in current.metadatas;
	const editable = (field: string) => has(field) && current.metadatas[field]?.edit.visible === true;

	const metadatas: Record<string, FieldMetadata> = {};
	for (const [field, metadata] of Object.entries(current.metadatas)) {
		const text = texts.fields[field];
		const edit: Record<string, unknown> = { ...metadata.edit };
		const list: Record<string, unknown> = { ...metadata.list };
		if (text) {
			edit.label = text.label.fr;
			list.label = text.label.fr;
			if (editable(field)) {
				edit.description = text.hint ?? "";
				edit.placeholder = text.placeholder ?? "";
			}
		}
		const target = model.attributes[field]?.targetModel;
		const targetView = target === undefined ? undefined : CONTENT_MANAGER_VIEWS[target];
		if (targetView && "mainField" in edit) edit.mainField = targetView.mainField;
		metadatas[field] = { edit, list };
	}

	const placed = new Set<string>();
	const rows: LayoutCell[][] = [];
	for (const row of view.edit) {
		const cells = row
			.filter(([field]) => editable(field))
			.map(([field, size]) => {
				placed.add(field);
				const allowed = sizeOf(field);
				return { name: field, size: allowed.isResizable ? size : allowed.default };
			});
		if (cells.length > 0) rows.push(cells);
	}
	const storedSize = new Map(current.layouts.edit.flat().map((cell) => [cell.name, cell.size]));
	const rest = [...new Set([...current.layouts.edit.flat().map((cell) => cell.name), ...Object.keys(model.attributes)])].filter(
		(field) => editable(field) && !placed.has(field),
	);
	// New fields start a row of their own, so that they never squeeze into the rows laid out above.
	let open: LayoutCell[] | undefined;
	for (const field of rest) {
		const cell = { name: field, size: storedSize.get(field) ?? sizeOf(field).default };
		if (open && open.reduce((sum, { size }) => sum + size, 0) + cell.size <= ROW) {
			open.push(cell);
		} else {
			open = [cell];
			rows.push(open);
		}
	}

	return {
		settings: {
			...current.settings,
			mainField: has(view.mainField) ? view.mainField : current.settings.mainField,
			defaultSortBy: has(view.sort.by) ? view.sort.by : current.settings.defaultSortBy,
			defaultSortOrder: view.sort.order,
		},
		metadatas,
		layouts: { list: view.list.filter(has), edit: rows },
	};
}
