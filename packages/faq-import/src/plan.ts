/**
 * What an import asks the CMS to make true, for one page and its translations: the wire format of
 * `POST /aide/import` (apps/cms/src/import/). The CMS checks every request against its own copy of
 * this shape; the integration tests keep the two in step.
 */
export interface ImportGroup {
	/** The page's key, for messages. */
	readonly key: string;
	readonly files: readonly string[];
	readonly category: PlannedCategory | null;
	readonly entries: readonly PlannedEntry[];
}

export interface PlannedCategory {
	readonly order: number;
	/** Per locale: the category's name and description in that language. */
	readonly locales: Readonly<Record<string, { readonly name: string; readonly description: string | null }>>;
}

export interface PlannedEntry {
	/** Stable id shared by all translations: the heading id, else the slug of the source question. */
	readonly anchor: string;
	readonly order: number;
	/** Per locale: the question, its Markdown answer, its search keywords and where it came from (`file:line`). */
	readonly locales: Readonly<
		Record<string, { readonly question: string; readonly answer: string; readonly keywords: string | null; readonly source: string }>
	>;
}

/** What the CMS did (or, in a dry run, would do) to one entry or category in one locale. */
export interface ImportChange {
	readonly kind: "entry" | "category";
	readonly anchor: string;
	readonly locale: string;
	readonly action: "created" | "updated" | "unchanged" | "published";
}

export interface ImportRequest {
	readonly group: ImportGroup;
	readonly publish: boolean;
	readonly dryRun: boolean;
}

export interface ImportResponse {
	readonly changes: readonly ImportChange[];
}

/** One page and locale as the CMS holds it, for `GET /aide/export`. */
export interface ExportedCategory {
	readonly slug: string | null;
	readonly order: number;
	readonly locales: Readonly<Record<string, { readonly name: string; readonly description: string | null }>>;
	readonly entries: ReadonlyArray<{
		readonly anchor: string;
		readonly order: number;
		readonly locales: Readonly<Record<string, { readonly question: string; readonly answer: string; readonly keywords: string | null }>>;
	}>;
}

export interface ExportResponse {
	readonly categories: readonly ExportedCategory[];
}
