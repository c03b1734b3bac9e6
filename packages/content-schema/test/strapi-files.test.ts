import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contentModelsDir, loadContentModels, syncStrapiApi } from "../src/index.ts";

describe("syncStrapiApi", () => {
	const dirs: string[] = [];
	const scratch = () => {
		const dir = mkdtempSync(join(tmpdir(), "aide-api-"));
		dirs.push(dir);
		return dir;
	};
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	it("writes the schema and core files, then finds nothing to change", () => {
		const models = loadContentModels(contentModelsDir);
		// As in a Strapi app: src/api/ and, beside it, src/components/.
		const apiDir = join(scratch(), "api");
		expect(syncStrapiApi(models, apiDir, { check: true }).changed).toContain("faq-entry/content-types/faq-entry/schema.json");

		const first = syncStrapiApi(models, apiDir);
		expect(first.changed).toHaveLength(14);
		expect(first.changed).toContain("../components/site/footer-link.json");
		expect(JSON.parse(readFileSync(join(apiDir, "../components/site/footer-link.json"), "utf8")).collectionName).toBe(
			"components_site_footer_links",
		);
		const schema = JSON.parse(readFileSync(join(apiDir, "faq-entry/content-types/faq-entry/schema.json"), "utf8"));
		expect(schema.info.pluralName).toBe("faq-entries");
		expect(readFileSync(join(apiDir, "category/routes/category.ts"), "utf8")).toContain(
			'factories.createCoreRouter("api::category.category")',
		);
		const rules = JSON.parse(readFileSync(join(apiDir, "../generated/pattern-rules.json"), "utf8")) as Record<string, string>;
		expect(Object.values(rules)).toContainEqual(expect.stringMatching(/^must be a CSS hex colour/));
		expect(syncStrapiApi(models, apiDir, { check: true })).toEqual({ changed: [], orphans: [] });
	});
});
