// On the first start of an empty database, the CMS loads the demo content (demo-content/), published,
// through the same import that `npm run import` uses, so that a new installation shows something.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CATEGORY_UID, ENTRY_UID } from "@aide/cms-contract";
import { localUrl } from "@aide/config";
import { describeSummary, runImport } from "@aide/faq-import";
import type { Core } from "@strapi/strapi";
import type { Settings } from "../../src/settings.ts";
import { appDir } from "./paths.mts";

export const demoContentDir = join(appDir, "demo-content");

/** Loads the demo content once per database: only when it holds no entry and no category, and never again after. */
export async function loadDemoContent(strapi: Core.Strapi, settings: Settings): Promise<void> {
	const store = strapi.store({ type: "core", name: "aide", key: "demo-content" });
	if (await store.get()) return;
	const entries = await strapi.db.query(ENTRY_UID).count({});
	const categories = await strapi.db.query(CATEGORY_UID).count({});
	if (entries === 0 && categories === 0) {
		const target = {
			url: localUrl(settings),
			token: readFileSync(settings.tokenFiles.import, "utf8").trim(),
		};
		const summary = await runImport(target, [demoContentDir], { publish: true });
		if (summary.errors.length > 0) throw new Error(`The demo content did not load:\n${summary.errors.join("\n")}`);
		strapi.log.info(`Loaded the demo content from demo-content/: ${describeSummary(summary, false)}`);
	}
	await store.set({ value: { loadedAt: new Date().toISOString(), skipped: entries + categories > 0 } });
}
