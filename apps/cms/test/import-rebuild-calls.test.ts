// What an import asks of the site service: one rebuild call per page and its translations, however many
// entries they publish, sent once the page is committed; none for a dry run or for drafts only.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runImport } from "@aide/faq-import";
import { type RunningCms, startCms } from "@aide/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RebuildCall, startRebuildListener } from "./support/rebuild-listener.ts";

let cms: RunningCms;
let site: { url: string; calls: RebuildCall[]; close(): Promise<void> };
let work: string;

beforeAll(async () => {
	site = await startRebuildListener("not-checked-here");
	cms = await startCms({ env: { AIDE_SITE_SERVICE_URL: site.url } });
	work = mkdtempSync(join(tmpdir(), "aide-import-rebuild-"));
});
afterAll(async () => {
	await cms?.stop();
	await site?.close();
	rmSync(work, { recursive: true, force: true });
});

/** The calls that arrived once the CMS has had time to send what it would. */
async function callsAfter(write: () => Promise<unknown>): Promise<RebuildCall[]> {
	const before = site.calls.length;
	await write();
	await new Promise((resolve) => setTimeout(resolve, 1500));
	return site.calls.slice(before);
}

const page = (locale: "fr" | "en", answers: string[]) =>
	[
		"---",
		`title: ${locale === "fr" ? "Compte" : "Account"}`,
		"---",
		"",
		...answers.flatMap((answer, n) => [`## ${locale === "fr" ? "Question" : "Question"} ${n + 1} ? {#question-${n + 1}}`, "", answer, ""]),
	].join("\n");

it("a published page of three entries in two locales makes one call, a dry run and a draft-only change none", async () => {
	const fr = join(work, "compte.fr.md");
	const en = join(work, "compte.en.md");
	writeFileSync(fr, page("fr", ["Un.", "Deux.", "Trois."]));
	writeFileSync(en, page("en", ["One.", "Two.", "Three."]));
	const target = { url: cms.url, token: cms.importToken() };

	const published = await callsAfter(async () =>
		expect(await runImport(target, [fr, en], { publish: true })).toMatchObject({ published: 6, errors: [] }),
	);
	expect(published).toHaveLength(1);
	expect(published[0]).toMatchObject({ path: "/rebuild" });

	writeFileSync(fr, page("fr", ["Un.", "Deux, modifié.", "Trois."]));
	const dry = await callsAfter(async () =>
		expect(await runImport(target, [fr], { publish: true, dryRun: true })).toMatchObject({ updated: 1 }),
	);
	expect(dry).toEqual([]);
	const drafts = await callsAfter(async () => expect(await runImport(target, [fr])).toMatchObject({ updated: 1, published: 0 }));
	expect(drafts).toEqual([]);
});
