// Permalinks: one language-neutral link per answer, /q/<permalinkId>/, for support staff to paste
// into tickets. Its page sends each reader to the answer in their language (pages/q/[id].astro).
import type { SiteEntry } from "@aide/cms-loader";
import { localeCodes } from "@aide/locales";

/** An answer's permalink page: its id and the answer's versions, in the order of the locales list. */
export interface PermalinkPage {
	readonly id: string;
	readonly versions: readonly SiteEntry[];
}

const describe = (entry: SiteEntry) => `"${entry.question}" (${entry.locale}, ${entry.documentId})`;

/** The versions of one answer in the order of the locales list, so that pages are the same from build to build. */
export const inLocaleOrder = (versions: readonly SiteEntry[]): SiteEntry[] =>
	[...versions].sort((a, b) => localeCodes.indexOf(a.locale) - localeCodes.indexOf(b.locale));

/**
 * Every answer's permalink page. Anchors are unique per locale only (the CMS checks them so), and a
 * permalink is shared by all locales: two answers with the same anchor in different locales would
 * share a link, which is refused with what to change.
 */
export function permalinkPages(entries: readonly SiteEntry[]): PermalinkPage[] {
	const byId = new Map<string, SiteEntry[]>();
	for (const entry of entries) {
		const versions = byId.get(entry.permalinkId) ?? [];
		const other = versions.find((version) => version.documentId !== entry.documentId);
		if (other) {
			throw new Error(
				`Two answers, ${describe(other)} and ${describe(entry)}, have the anchor "${entry.permalinkId}": their link /q/${entry.permalinkId}/ would collide. Give one of them another anchor in the CMS.`,
			);
		}
		byId.set(entry.permalinkId, [...versions, entry]);
	}
	return [...byId].map(([id, versions]) => ({ id, versions: inLocaleOrder(versions) }));
}
