// The CMS's start-up: everything the product needs from the database is ensured here, on every
// start, so that a fresh database and an old one end in the same state.
import type { Core } from "@strapi/strapi";
import { ensureAccessRules } from "./bootstrap/access-rules";
import { ensureApiTokens } from "./bootstrap/api-tokens";
import { ensureEditorRole } from "./bootstrap/editor-role";
import { ensureFirstAdmin } from "./bootstrap/first-admin";
import { ensureLookupIndexes } from "./bootstrap/indexes";
import { ensureLocales } from "./bootstrap/locales";
import { startRebuildCalls } from "./bootstrap/rebuild-calls";
import { removeSecretWebhooks } from "./bootstrap/secret-webhooks";
import { registerImportRoutes } from "./import/routes";
import { registerInsightRoutes } from "./insights/routes";
import { registerContentRules } from "./middlewares/content-api-rules";
import { readSettings } from "./settings";

let stopRebuildCalls: (() => void) | undefined;

export default {
	register({ strapi }: { strapi: Core.Strapi }) {
		registerContentRules(strapi);
		registerImportRoutes(strapi);
		registerInsightRoutes(strapi);
	},

	async bootstrap({ strapi }: { strapi: Core.Strapi }) {
		const settings = readSettings();
		await ensureLookupIndexes(strapi);
		await ensureLocales(strapi);
		await ensureAccessRules(strapi);
		await ensureEditorRole(strapi);
		await ensureFirstAdmin(strapi, settings);
		await ensureApiTokens(strapi, settings.tokenFiles, { sharedDatabase: settings.database.client === "postgres" });
		await removeSecretWebhooks(strapi);
		stopRebuildCalls = startRebuildCalls(strapi, { siteServiceUrl: settings.siteServiceUrl, secret: settings.secrets.AIDE_WEBHOOK_SECRET });
	},

	destroy() {
		stopRebuildCalls?.();
	},
};
