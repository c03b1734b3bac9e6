// A few hundred malformed Markdown pages (broken front matter, odd headings, heading-id garbage,
// control characters, NUL, BOM, CR and CRLF, unclosed fences, raw HTML, invalid UTF-8, empty files,
// enormous lines...) through the import CLI, against a real CMS. Each page is either imported or
// refused with file:line; the CLI never crashes; and the CMS then holds exactly the documents of the
// pages reported imported, in all their locales, and nothing of the others.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ExportResponse, pairPages, readPage } from "@aide/faq-import";
import { type RunningCms, request, startCms } from "@aide/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runImportCli } from "./support/import-cli.ts";
import { malformedPages } from "./support/malformed-pages.ts";

const pages = malformedPages(200);

let cms: RunningCms;
let work: string;

beforeAll(async () => {
	cms = await startCms();
	work = mkdtempSync(join(tmpdir(), "aide-import-fuzz-"));
	for (const page of pages) for (const [name, bytes] of page.files) writeFileSync(join(work, name), bytes);
});
afterAll(async () => {
	await cms?.stop();
	rmSync(work, { recursive: true, force: true });
});

const runCli = (args: string[]) => runImportCli(args, work, { CMS_URL: cms.url, CMS_WRITE_TOKEN: cms.importToken() });

/** What the CMS holds, one line per entry and locale, and per category and locale. */
function holdings(exported: ExportResponse): string[] {
	return exported.categories.flatMap((category) => [
		...Object.entries(category.locales).map(([locale, { name, description }]) => JSON.stringify(["category", locale, name, description])),
		...category.entries.flatMap((entry) =>
			Object.entries(entry.locales).map(([locale, { question, answer }]) => JSON.stringify([entry.anchor, locale, question, answer])),
		),
	]);
}

it("imports or refuses each page with file:line, never crashes, and writes whole pages only", { timeout: 120_000 }, async () => {
	const result = await runCli(["import", "."]);
	expect(result.signal).toBeNull();
	expect([0, 1]).toContain(result.code);
	// No stack trace, no uncaught exception: every line of stderr is an error or a warning for the user.
	expect(result.err).not.toMatch(/^\s+at |node:internal|Uncaught|TypeError|RangeError|ReferenceError/m);
	for (const line of result.err.split("\n").filter(Boolean)) expect(line).toMatch(/^(error|warning): /);

	// Which files each group line reports, and whether the CMS took them.
	const imported = new Set<string>();
	const refusedByCms: string[][] = [];
	for (const line of result.out.split("\n")) {
		const match = /^\[\d+\/\d+\] (.+?): (\d+ created, .*|refused by the CMS, nothing written)$/.exec(line);
		if (!match) continue;
		const files = (match[1] as string).split(" + ");
		if (match[2]?.startsWith("refused")) refusedByCms.push(files);
		else for (const file of files) imported.add(file);
	}
	const errors = result.err.split("\n").filter((line) => line.startsWith("error: "));
	// An error names the file and line (the CMS's: "Entry "x" (fr, file:line) was refused").
	const namedWithLine = (file: string) => errors.some((line) => line.startsWith(`error: ${file}:`) || line.includes(`, ${file}:`));
	const files = pages.flatMap((page) => [...page.files.keys()]);
	for (const file of files) {
		if (imported.has(file)) continue;
		const translation = errors.includes(`error: ${file}: not imported, because a translation of it has an error (above).`);
		const group = refusedByCms.find((candidate) => candidate.includes(file))?.some(namedWithLine) ?? false;
		const said = [...result.out.split("\n"), ...errors].filter((line) => line.includes(file)).join("\n");
		expect(
			namedWithLine(file) || translation || group,
			`${file} is neither imported nor refused with file:line. Lines naming it:\n${said}\nThe end of its errors:\n${result.err.slice(-1500)}`,
		).toBe(true);
	}
	expect(imported.size).toBeGreaterThan(30);
	expect(files.length - imported.size).toBeGreaterThan(30);

	// The CMS holds exactly what the imported groups say, as the importer's own parser reads them.
	const expected = pairPages([...imported].map((file) => readPage(join(work, file))));
	const wanted = holdings({
		categories: expected.map(({ group }) => ({
			slug: null,
			order: 0,
			locales: group.category?.locales ?? {},
			entries: group.entries.map((entry) => ({ ...entry, locales: entry.locales })),
		})),
	});
	const { body } = await request(`${cms.url}/aide/export`, { token: cms.importToken() });
	expect(holdings(body as ExportResponse).sort()).toEqual(wanted.sort());

	// The `---js` pages asked to write a file: none did.
	for (const page of pages) expect(existsSync(join(work, `${page.tag}.ran`))).toBe(false);
});
