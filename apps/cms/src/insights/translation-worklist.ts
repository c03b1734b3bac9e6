// The translation worklist: what is left to translate in each locale other than the default, and
// which translations readers see marked as outdated.
import { type InsightReport, isOutdatedTranslation } from "@aide/cms-contract";
import { defaultLocale, localeCodes } from "@aide/locales";
import type { Core } from "@strapi/strapi";
import { questionOf, readEntryVersions } from "./entry-versions";

type WorkItem = InsightReport["translations"][number];

const STATES: ReadonlyArray<WorkItem["state"]> = ["missing", "outdated"];

/**
 * For `locale` when it is not the default one, else for every other locale: entries of the default
 * locale (draft or published) with no version in that locale (`missing`), and translations whose
 * published version is older than their source's published version (`outdated`: the rule of the notice
 * readers see). Sorted by locale (as configured), state (missing first), question.
 */
export async function translationWorklist(strapi: Core.Strapi, locale: string): Promise<WorkItem[]> {
	const targets = locale === defaultLocale ? localeCodes.filter((code) => code !== defaultLocale) : [locale];
	const entries = await readEntryVersions(strapi);
	const items: WorkItem[] = [];
	for (const [documentId, versions] of entries) {
		const source = versions.get(defaultLocale);
		if (!source) continue;
		for (const target of targets) {
			const translation = versions.get(target);
			const state: WorkItem["state"] | undefined = !translation
				? "missing"
				: source.published && translation.published && isOutdatedTranslation(source.published.updatedAt, translation.published.updatedAt)
					? "outdated"
					: undefined;
			if (state) items.push({ documentId, question: questionOf(versions, target) ?? "", locale: target, state });
		}
	}
	return items.sort(
		(a, b) =>
			localeCodes.indexOf(a.locale) - localeCodes.indexOf(b.locale) ||
			STATES.indexOf(a.state) - STATES.indexOf(b.state) ||
			a.question.localeCompare(b.question, a.locale) ||
			(a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0),
	);
}
