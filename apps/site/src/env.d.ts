declare namespace App {
	interface Locals {
		/** Set by the site service (server/site-service.ts) for the draft-preview route only. */
		preview?: { entry: import("@aide/cms-loader").SiteEntry; status: "draft" | "published" };
	}
}
