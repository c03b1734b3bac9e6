// Where a page sends reader insights (votes under answers, settled searches): AIDE_INSIGHTS_URL, read
// through @aide/config when the site is built (astro.config.mjs) and written into the page as a data
// attribute for the scripts. No endpoint, no widget and no reporting: the scripts find nothing to send to.

/** Replaced by the build (astro.config.mjs's `vite.define`): the endpoint, or null when the build has none. */
declare const __AIDE_INSIGHTS_URL__: string | null;

/**
 * The events endpoint for a page, or undefined when the build has none. The draft preview never gets one:
 * it shows editors an unpublished answer, and their votes and searches are not readers'.
 */
export function insightsEndpoint(locals: App.Locals): string | undefined {
	if (locals.preview) return undefined;
	return __AIDE_INSIGHTS_URL__ ?? undefined;
}
