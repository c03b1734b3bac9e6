declare namespace App {
	interface Locals {
		/** Set by the site service (apps/portal/src/server/site-service.ts) for the draft-preview route only. */
		preview?: { entry: import("@aide/cms-loader").SiteEntry; status: "draft" | "published" };
		/** Set by the site service for the route that renders one entry's page (src/pages/internal/[locale]/entry.astro). */
		entryPage?: { entry: import("@aide/cms-loader").SiteEntry };
		/** Set by the site service for the route that renders one answer's permalink page (src/pages/internal/[locale]/permalink.astro). */
		permalinkPage?: { versions: readonly import("@aide/cms-loader").SiteEntry[] };
		/** Set by the site service for the list pages it renders when one published entry changes (src/pages/internal/[locale]/lists.json.ts): its versions. */
		changedEntry?: { versions: readonly import("@aide/cms-loader").SiteEntry[] };
	}
}
