import type { ImportChange } from "@aide/cms-contract";
import { defaultLocale } from "@aide/locales";
import { type CmsTarget, fetchExport, sendImport } from "./client.ts";
import { ImportError, PageRejectedError } from "./errors.ts";
import { findPages } from "./find-pages.ts";
import { identify } from "./locale-of.ts";
import { anchorsFromCms, type PairedGroup, type PairingResult, pairEachPage } from "./pair.ts";
import { type Page, readPage } from "./parse-page.ts";

export interface ImportOptions {
	readonly locale?: string;
	readonly publish?: boolean;
	readonly dryRun?: boolean;
	/** Receives progress and detail lines. */
	readonly log?: (line: string) => void;
}

export interface ImportSummary {
	created: number;
	updated: number;
	unchanged: number;
	published: number;
	/** Files not applied because they, or a translation of them, had an error. */
	skipped: number;
	warnings: string[];
	errors: string[];
}

/**
 * Imports Markdown pages into the CMS. Every file is read and checked first; a page and its
 * translations are then applied together, in one transaction, or not at all. A broken file is
 * reported and skipped with its translations; the others are applied. The CMS being unreachable or
 * refusing the token stops the run.
 */
export async function runImport(target: CmsTarget, paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
	const log = options.log ?? (() => {});
	const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, published: 0, skipped: 0, warnings: [], errors: [] };

	const pages: Page[] = [];
	const broken = new Set<string>();
	for (const file of findPages(paths)) {
		try {
			pages.push(readPage(file, { locale: options.locale }));
		} catch (error) {
			if (!(error instanceof ImportError)) throw error;
			summary.errors.push(error.message);
			broken.add(file);
		}
	}
	// A page's key depends on its path only, so a file that failed to parse still has one (unless its
	// locale is unknown): its translations must wait until it is fixed.
	const brokenKeys = new Set<string>();
	for (const file of broken) {
		try {
			brokenKeys.add(identify(file, options.locale).key);
		} catch {
			// an unknown locale: it pairs with nothing
		}
	}
	summary.skipped += broken.size;

	let results: PairingResult[] = [];
	try {
		let ready = pages.filter((page) => !brokenKeys.has(page.key));
		const orphans = ready.filter(
			(page) => page.locale !== defaultLocale && !ready.some((other) => other.key === page.key && other.locale === defaultLocale),
		);
		if (orphans.some((page) => page.entries.some((entry) => entry.anchor === undefined))) {
			ready = anchorsFromCms(ready, await fetchExport(target), summary.warnings);
		}
		results = pairEachPage(ready);
	} catch (error) {
		if (!(error instanceof ImportError)) throw error;
		summary.errors.push(error.message);
		summary.skipped += pages.length;
		return summary;
	}
	for (const page of pages.filter((candidate) => brokenKeys.has(candidate.key))) {
		summary.skipped++;
		summary.errors.push(`${page.file}: not imported, because a translation of it has an error (above).`);
	}
	const groups: PairedGroup[] = [];
	for (const result of results) {
		if (!result.error) {
			groups.push(result.paired);
			continue;
		}
		summary.skipped += result.files.length;
		summary.errors.push(result.error.message);
		for (const file of result.files.filter((file) => !result.error.message.startsWith(`${file}:`))) {
			summary.errors.push(`${file}: not imported, because a translation of it has an error (above).`);
		}
	}

	for (const [index, { group, warnings }] of groups.entries()) {
		summary.warnings.push(...warnings);
		const progress = `[${index + 1}/${groups.length}] ${group.files.join(" + ")}`;
		try {
			const response = await sendImport(target, { group, publish: options.publish ?? false, dryRun: options.dryRun ?? false });
			log(`${progress}: ${tally(response.changes, summary)}`);
		} catch (error) {
			if (!(error instanceof PageRejectedError)) throw error;
			summary.skipped += group.files.length;
			summary.errors.push(withSource(error.message, group.files, pages));
			log(`${progress}: refused by the CMS, nothing written`);
		}
	}
	return summary;
}

/**
 * The CMS names the file and line of an entry it refuses, but not of a category (the wire format has no
 * source for it): that message gets the file and line of the category's name in the page of its locale.
 */
function withSource(message: string, files: readonly string[], pages: readonly Page[]): string {
	if (files.some((file) => message.includes(`${file}:`))) return message;
	const locale = /^Category ".*" \(([^()\s]+)\) was refused/s.exec(message)?.[1];
	const group = pages.filter((page) => files.includes(page.file));
	const page = group.find((candidate) => candidate.locale === locale) ?? group[0];
	return page ? `${page.file}:${page.categoryLine}: ${message}` : message;
}

function tally(changes: readonly ImportChange[], summary: ImportSummary): string {
	const local = { created: 0, updated: 0, unchanged: 0, published: 0 };
	for (const change of changes) {
		if (change.kind !== "entry") continue;
		local[change.action]++;
		summary[change.action]++;
	}
	return `${local.created} created, ${local.updated} updated, ${local.unchanged} unchanged${local.published ? `, ${local.published} published` : ""}`;
}

/** The closing line of a run. */
export function describeSummary(summary: ImportSummary, dryRun: boolean): string {
	const parts = [
		`${summary.created} created`,
		`${summary.updated} updated`,
		`${summary.unchanged} unchanged`,
		...(summary.published ? [`${summary.published} published`] : []),
		`${summary.skipped} skipped`,
		`${summary.warnings.length} warning${summary.warnings.length === 1 ? "" : "s"}`,
	];
	return `${dryRun ? "Dry run (nothing was written): " : ""}${parts.join(", ")}.`;
}
