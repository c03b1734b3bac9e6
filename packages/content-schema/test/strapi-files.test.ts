import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contentModelsDir, isInternalModel, loadContentModels, syncStrapiApi } from "../src/index.ts";

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
		// Four files per content type (schema, controller, router, service), the component and the pattern rules.
		expect(first.changed).toHaveLength(models.length * 4 + 2);
		expect(first.changed).toContain("../components/site/footer-link.json");
		expect(JSON.parse(readFileSync(join(apiDir, "../components/site/footer-link.json"), "utf8")).collectionName).toBe(
			"components_site_footer_links",
		);
		const schema = JSON.parse(readFileSync(join(apiDir, "faq-entry/content-types/faq-entry/schema.json"), "utf8"));
		expect(schema.info.pluralName).toBe("faq-entries");
		expect(readFileSync(join(apiDir, "category/routes/category.ts"), "utf8")).toContain(
			'factories.createCoreRouter("api::category.category")',
		);
		// The insight aggregates, hidden from the content manager, get no REST route at all.
		expect(readFileSync(join(apiDir, "insight-search/routes/insight-search.ts"), "utf8")).toContain(
			'factories.createCoreRouter("api::insight-search.insight-search", { only: [] })',
		);
		expect(models.filter(isInternalModel).map((entry) => entry.uid)).toEqual([
			"api::insight-feedback.insight-feedback",
			"api::insight-search.insight-search",
		]);
		const rules = JSON.parse(readFileSync(join(apiDir, "../generated/pattern-rules.json"), "utf8")) as Record<string, string>;
		expect(Object.values(rules)).toContainEqual(expect.stringMatching(/^must be a CSS hex colour/));
		expect(syncStrapiApi(models, apiDir, { check: true })).toEqual({ changed: [], orphans: [] });
	});
});
