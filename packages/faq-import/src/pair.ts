import { ANCHOR_MAX_LENGTH, type ExportResponse, type ImportGroup, type PlannedEntry, slugFor } from "@aide/cms-contract";
import { defaultLocale } from "@aide/locales";
import { ImportError } from "./errors.ts";
import type { Page, PageEntry } from "./parse-page.ts";

/** A group ready to send, and what the pairing noticed. */
export interface PairedGroup {
	readonly group: ImportGroup;
	readonly warnings: readonly string[];
}

/**
 * Makes an anchor from a question by the CMS's slug rule; "" when it has no letter or digit. No locale:
 * an anchor is a stored id shared by all translations, so "&" stays "and", as in the anchors already stored.
 */
export function anchorFor(question: string): string {
	return slugFor(question, { maxLength: ANCHOR_MAX_LENGTH, fallback: "" });
}

/**
 * Gives ids to the questions of pages imported without their default-locale version (say, only
 * `faq.en.md`): they pair by position with the entries the CMS already holds under the same
 * category name, as they would with the French page. Pages with a default-locale sibling, and
 * questions with heading ids, are left as they are.
 */
export function anchorsFromCms(pages: readonly Page[], existing: ExportResponse, warnings: string[]): Page[] {
	const hasDefault = new Set(pages.filter((page) => page.locale === defaultLocale).map((page) => page.key));
	return pages.map((page) => {
		if (hasDefault.has(page.key) || page.entries.every((entry) => entry.anchor !== undefined)) return page;
		const category = existing.categories.find(
			(candidate) => page.category !== undefined && candidate.locales[page.locale]?.name === page.category,
		);
		if (!category) return page;
		if (category.entries.length !== page.entries.length) {
			warnings.push(
				`${page.file} has ${page.entries.length} questions and its category "${page.category}" has ${category.entries.length} in the CMS: check the pairs, or give the questions heading ids ({#id}).`,
			);
		}
		const ordered = [...category.entries].sort((a, b) => a.order - b.order);
		return { ...page, entries: page.entries.map((entry, index) => ({ ...entry, anchor: entry.anchor ?? ordered[index]?.anchor })) };
	});
}

/** A page and its translations, paired and ready to send; or why they cannot be (its files are then skipped). */
export type PairingResult =
	| { readonly paired: PairedGroup; readonly error?: undefined }
	| { readonly files: readonly string[]; readonly error: ImportError };

/**
 * Groups pages that are translations of each other (same key) and pairs their questions: by heading
 * id when both sides have one, otherwise by position, warning when the pages differ in length. A
 * group that cannot be paired, or that reuses an id an earlier group has, is refused alone: the
 * other pages of the run are not held back by it.
 */
export function pairEachPage(pages: readonly Page[]): PairingResult[] {
	const byKey = new Map<string, Page[]>();
	for (const page of pages) byKey.set(page.key, [...(byKey.get(page.key) ?? []), page]);
	const owners = new Map<string, string>();
	return [...byKey.values()].map((group): PairingResult => {
		const files = group.map((page) => page.file);
		let paired: PairedGroup;
		try {
			paired = pairGroup(group);
		} catch (error) {
			if (!(error instanceof ImportError)) throw error;
			return { files, error };
		}
		for (const entry of paired.group.entries) {
			const where = Object.values(entry.locales)[0]?.source ?? paired.group.key;
			const other = owners.get(entry.anchor);
			if (other) {
				const error = new ImportError(
					`${where}: the question's id "${entry.anchor}" is also used at ${other}. Ids are unique across pages: give one of them another heading id.`,
				);
				return { files, error };
			}
		}
		for (const entry of paired.group.entries) owners.set(entry.anchor, Object.values(entry.locales)[0]?.source ?? paired.group.key);
		return { paired };
	});
}

/** {@link pairEachPage}, throwing the first group's error. */
export function pairPages(pages: readonly Page[]): PairedGroup[] {
	return pairEachPage(pages).map((result) => {
		if (result.error) throw result.error;
		return result.paired;
	});
}

function pairGroup(pages: Page[]): PairedGroup {
	const warnings: string[] = [];
	const seenLocales = new Map<string, string>();
	for (const page of pages) {
		const other = seenLocales.get(page.locale);
		if (other) throw new ImportError(`${page.file}: is a second ${page.locale} version of ${other}. Keep one file per page and locale.`);
		seenLocales.set(page.locale, page.file);
	}
	const primary = pages.find((page) => page.locale === defaultLocale) ?? pages[0];
	if (!primary) throw new Error("pairGroup needs at least one page");
	const secondaries = pages.filter((page) => page !== primary);

	const rows: Array<Map<Page, PageEntry>> = primary.entries.map((entry) => new Map([[primary, entry]]));
	for (const page of secondaries) {
		const allHaveIds = [...page.entries, ...primary.entries].every((entry) => entry.anchor !== undefined);
		if (page.entries.length !== primary.entries.length && !allHaveIds) {
			warnings.push(
				`${page.file} has ${page.entries.length} questions and ${primary.file} has ${primary.entries.length}: check the pairs below, or give both sides heading ids ({#id}).`,
			);
		}
		const paired = new Set<number>();
		for (const [index, entry] of page.entries.entries()) {
			let row = entry.anchor === undefined ? -1 : primary.entries.findIndex((candidate) => candidate.anchor === entry.anchor);
			const byPosition = primary.entries[index];
			if (row === -1 && byPosition && !paired.has(index) && (entry.anchor === undefined || byPosition.anchor === undefined)) row = index;
			if (row === -1 || paired.has(row)) {
				rows.push(new Map([[page, entry]]));
				continue;
			}
			paired.add(row);
			rows[row]?.set(page, entry);
		}
	}

	const anchors = new Map<string, string>();
	const entries: PlannedEntry[] = rows.map((row, index) => {
		const [firstPage, firstEntry] = [...row.entries()][0] as [Page, PageEntry];
		const explicit = [...row.values()].find((entry) => entry.anchor !== undefined)?.anchor;
		const anchor = explicit ?? anchorFor(firstEntry.question);
		const where = `${firstPage.file}:${firstEntry.line}`;
		if (!anchor)
			throw new ImportError(`${where}: cannot make an id from the question "${firstEntry.question}". Add a heading id: {#some-id}.`);
		const clash = anchors.get(anchor);
		if (clash) {
			throw new ImportError(
				`${where}: the question's id "${anchor}" is also the id of the question at ${clash}. Give one of them another heading id.`,
			);
		}
		anchors.set(anchor, where);
		const locales = Object.fromEntries(
			[...row.entries()].map(([page, entry]) => [
				page.locale,
				{ question: entry.question, answer: entry.answer, keywords: entry.keywords ?? null, source: `${page.file}:${entry.line}` },
			]),
		);
		const position = row.get(primary) ? primary.entries.indexOf(row.get(primary) as PageEntry) : index;
		return { anchor, order: position + 1, locales };
	});

	const named = pages.filter((page) => page.category !== undefined);
	const category =
		named.length === 0
			? null
			: {
					order: pages.find((page) => page.weight !== undefined)?.weight ?? 0,
					locales: Object.fromEntries(
						named.map((page) => [page.locale, { name: page.category as string, description: page.description ?? null }]),
					),
				};
	return { group: { key: primary.key, files: pages.map((page) => page.file), category, entries }, warnings };
}
