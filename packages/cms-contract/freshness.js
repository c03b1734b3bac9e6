// When a translation is out of date: one rule for the notice readers see on an answer (the site model,
// packages/cms-loader) and for the translation worklist support staff read (the CMS's insights report).

/**
 * Whether a translation is older than its source: the source (the default locale's version) was last
 * changed after the translation was. Both are the published versions' `updatedAt`, the times readers'
 * pages are built from. An unreadable time never makes a translation outdated.
 * @param {string | Date} sourceUpdatedAt
 * @param {string | Date} translationUpdatedAt
 * @returns {boolean}
 */
export function isOutdatedTranslation(sourceUpdatedAt, translationUpdatedAt) {
	return new Date(sourceUpdatedAt).getTime() > new Date(translationUpdatedAt).getTime();
}
