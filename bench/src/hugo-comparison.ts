// What `--compare hugo` reports: the JSON (`compare.hugo`), Hugo + Pagefind's figures and each ratio
// Aide / Hugo + Pagefind, the figure the targets are stated in (absolute times move from day to day),
// and the printed table that sets them side by side.
import type { HugoFigures } from "./hugo.ts";
import { megabytes, seconds } from "./measure.ts";

/** Aide's figures of the same run that have a Hugo + Pagefind counterpart. */
export interface AideFigures {
	buildMs: number;
	peakBytes: number;
	indexMs: number;
	firstSearchBytes: number;
	firstSearchMs: number;
	secondSearchBytes: number;
}

/** Aide / Hugo, to two decimals; null when Hugo's figure is zero (a second search served from what the first loaded). */
export function ratio(aide: number, hugo: number): number | null {
	return hugo > 0 ? Math.round((aide / hugo) * 100) / 100 : null;
}

export type HugoComparison = ReturnType<typeof hugoComparison>;

export function hugoComparison(hugo: HugoFigures, aide: AideFigures) {
	return {
		version: hugo.version,
		buildMs: Math.round(hugo.buildMs),
		hugoMs: Math.round(hugo.hugoMs),
		pagefindMs: Math.round(hugo.pagefindMs),
		peakBytes: hugo.peakBytes,
		hugoPeakBytes: hugo.hugoPeakBytes,
		pagefindPeakBytes: hugo.pagefindPeakBytes,
		firstSearchBytes: hugo.firstSearch.bytes,
		firstSearchMs: hugo.firstSearch.ms,
		secondSearchBytes: hugo.secondSearch.bytes,
		secondSearchMs: hugo.secondSearch.ms,
		pages: hugo.pages,
		questionPages: hugo.questionPages,
		ratios: {
			build: ratio(aide.buildMs, hugo.buildMs),
			peakMemory: ratio(aide.peakBytes, hugo.peakBytes),
			pagefind: ratio(aide.indexMs, hugo.pagefindMs),
			firstSearchBytes: ratio(aide.firstSearchBytes, hugo.firstSearch.bytes),
			firstSearchMs: ratio(aide.firstSearchMs, hugo.firstSearch.ms),
			secondSearchBytes: ratio(aide.secondSearchBytes, hugo.secondSearch.bytes),
		},
	};
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The side-by-side table, in Markdown, as the bench prints it. */
export function comparisonTable(hugo: HugoComparison, aide: AideFigures, terms: readonly [string, string], perLocale: number): string {
	const { ratios } = hugo;
	const rows: Array<[string, string, string, number | null]> = [
		[
			"full build (Aide: fetch + render + index; Hugo + Pagefind)",
			`${seconds(aide.buildMs)} s`,
			`${seconds(hugo.buildMs)} s (${seconds(hugo.hugoMs)} s + ${seconds(hugo.pagefindMs)} s)`,
			ratios.build,
		],
		["peak memory of the build", `${megabytes(aide.peakBytes)} MB`, `${megabytes(hugo.peakBytes)} MB`, ratios.peakMemory],
		["Pagefind alone on the built pages", `${seconds(aide.indexMs)} s`, `${seconds(hugo.pagefindMs)} s`, ratios.pagefind],
		[`first search ("${terms[0]}"): bytes`, kilobytes(aide.firstSearchBytes), kilobytes(hugo.firstSearchBytes), ratios.firstSearchBytes],
		[`first search ("${terms[0]}"): time`, `${aide.firstSearchMs} ms`, `${hugo.firstSearchMs} ms`, ratios.firstSearchMs],
		[
			`second search ("${terms[1]}"): bytes`,
			kilobytes(aide.secondSearchBytes),
			kilobytes(hugo.secondSearchBytes),
			ratios.secondSearchBytes,
		],
	];
	return [
		`| measure, ${perLocale} entries per locale | Aide | Hugo + Pagefind | Aide / Hugo + Pagefind |`,
		"| --- | --- | --- | --- |",
		...rows.map(([name, ours, theirs, value]) => `| ${name} | ${ours} | ${theirs} | ${value === null ? "n/a" : `${value} ×`} |`),
		`(Hugo + Pagefind: ${hugo.pages} pages built by ${hugo.version}; its searches through Pagefind's own JS API, no UI, in Chromium.)`,
	].join("\n");
}
