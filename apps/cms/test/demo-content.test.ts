// The first start of an empty database loads demo-content/, published, once.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request, startCms } from "@aide/testing";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "aide-demo-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function published(url: string, token: string, type: "faq-entries" | "categories", locale: string) {
	const { body } = await request(`${url}/api/${type}?locale=${locale}&pagination[pageSize]=100&sort=order`, { token });
	return body.data as Array<{ documentId: string; question?: string; name?: string; anchor?: string }>;
}

describe("the demo content", () => {
	it("is loaded and published on the first start, in both languages, with one entry left untranslated", async () => {
		const cms = await startCms({ dataDir, demo: true });
		try {
			const token = cms.siteToken();
			const fr = await published(cms.url, token, "faq-entries", "fr");
			const en = await published(cms.url, token, "faq-entries", "en");
			expect(fr).toHaveLength(10);
			expect(en).toHaveLength(9);
			expect(fr.map((entry) => entry.question)).toContain("Où sont situés vos serveurs ?");
			expect(en.map((entry) => entry.question)).toContain("Where are your servers located?");
			const untranslated = fr.filter((entry) => !en.some((other) => other.documentId === entry.documentId));
			expect(untranslated.map((entry) => entry.anchor)).toEqual(["export-csv"]);

			const categories = await published(cms.url, token, "categories", "en");
			expect(categories.map((category) => category.name)).toEqual(["Frequently Asked Questions", "Account and billing"]);
			expect(cms.output()).toContain("Loaded the demo content from demo-content/: 19 created");
		} finally {
			await cms.stop();
		}

		const again = await startCms({ dataDir, demo: true });
		try {
			expect(again.output()).not.toContain("Loaded the demo content");
			expect(await published(again.url, again.siteToken(), "faq-entries", "fr")).toHaveLength(10);
		} finally {
			await again.stop();
		}
	});
});
