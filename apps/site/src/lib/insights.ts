// Where a page sends reader insights (votes under answers, settled searches): AIDE_INSIGHTS_URL, read
// at build time through @aide/config and written into the page as a data attribute for the scripts.
// No endpoint, no widget and no reporting: the scripts find nothing to send to.
import { insightsUrl } from "@aide/config";

let endpoint: { value: string | undefined } | undefined;

/**
 * The events endpoint for a page, or undefined when the build has none. The draft preview never gets one:
 * it shows editors an unpublished answer, and their votes and searches are not readers'.
 */
export function insightsEndpoint(locals: App.Locals): string | undefined {
	if (locals.preview) return undefined;
	// Read once per process: the build renders thousands of pages with the same environment.
	endpoint ??= { value: insightsUrl(process.env) };
	return endpoint.value;
}
