// `npm run load`: the CMS under load. A fresh CMS gets a generated help center (--entries per
// locale, default 1,000), then 20 readers (--readers) read it the way a site build does, for
// --seconds (default 30), while an editor edits and publishes an answer every --write-every ms
// (default 250) through the admin API. Prints reads per second, p50 / p95, errors, the editor's
// writes and their errors, and every SQLITE_BUSY the CMS logged; exits 1 if anything failed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runImport } from "@aide/faq-import";
import { createEntryDraft, publishEntry, type RunningCms, startCms } from "@aide/testing";
import ora from "ora";
import { generatePages } from "./generate.ts";
import { latencyHistogram, measureReads } from "./read-load.ts";

const { values } = parseArgs({
	options: {
		entries: { type: "string", default: "1000" },
		readers: { type: "string", default: "20" },
		seconds: { type: "string", default: "30" },
		"write-every": { type: "string", default: "250" },
	},
});
const numberOption = (name: keyof typeof values, minimum: number) => {
	const value = Number(values[name]);
	if (!Number.isInteger(value) || value < minimum)
		throw new Error(`--${name} must be a whole number of at least ${minimum}, not "${values[name]}".`);
	return value;
};
const perLocale = numberOption("entries", 20);
const readers = numberOption("readers", 1);
const seconds = numberOption("seconds", 1);
const writeEvery = numberOption("write-every", 10);

const work = mkdtempSync(join(tmpdir(), "aide-load-"));
let cms: RunningCms | undefined;
try {
	const spinner = ora({ text: "starting a fresh CMS", stream: process.stdout }).start();
	cms = await startCms();
	const running = cms;
	spinner.text = `importing ${perLocale} entries per locale`;
	const pages = generatePages(join(work, "pages"), perLocale);
	const imported = await runImport({ url: running.url, token: running.importToken() }, pages.files, { publish: true });
	if (imported.errors.length > 0) throw new Error(imported.errors.join("\n"));
	const entries = (await (
		await fetch(`${running.url}/api/faq-entries?locale=en&pagination[pageSize]=100&fields[0]=question&fields[1]=slug&fields[2]=answer`, {
			headers: { authorization: `Bearer ${running.siteToken()}` },
		})
	).json()) as { data: Array<{ documentId: string; question: string; slug: string; answer: string }> };
	const admin = await running.adminToken();

	spinner.text = `${readers} readers for ${seconds} s, an editor publishing every ${writeEvery} ms`;
	const writes = latencyHistogram();
	const writeErrors: string[] = [];
	let writing = true;
	const editor = (async () => {
		for (let n = 0; writing; n++) {
			const entry = entries.data[n % entries.data.length];
			if (!entry) throw new Error("no English entry to edit");
			const started = performance.now();
			const saved = await createEntryDraft(
				running.url,
				admin,
				{ question: entry.question, slug: entry.slug, answer: `${entry.answer}\n\nEdit ${n}.` },
				"en",
				entry.documentId,
			);
			const publish = saved.status === 200 ? await publishEntry(running.url, admin, entry.documentId, "en") : undefined;
			if (saved.status !== 200 || publish?.status !== 200)
				writeErrors.push(`edit ${n}: save ${saved.status}, publish ${publish?.status ?? "not tried"}`);
			else writes.recordValue(Math.max(1, Math.round(performance.now() - started)));
			await new Promise((resolve) => setTimeout(resolve, writeEvery));
		}
	})();
	const reads = await measureReads({ url: running.url, token: running.siteToken(), entriesPerLocale: perLocale, readers, seconds });
	writing = false;
	await editor;
	const busy = running.output().match(/SQLITE_BUSY/g)?.length ?? 0;
	spinner.succeed(`${reads.requests} reads and ${writes.totalCount} published edits in ${seconds} s`);

	const rows: Array<[string, string]> = [
		[
			"reads (pages of 250 entries, as the build reads them)",
			`${reads.requestsPerSecond} req/s, p50 ${reads.p50Ms} ms, p95 ${reads.p95Ms} ms, p99 ${reads.p99Ms} ms`,
		],
		["read errors (network, timeouts, non-2xx)", `${reads.errors} (statuses: ${JSON.stringify(reads.statuses)})`],
		[
			"editor: save + publish",
			`${writes.totalCount} done, p50 ${writes.getValueAtPercentile(50)} ms, p95 ${writes.getValueAtPercentile(95)} ms`,
		],
		["editor errors", `${writeErrors.length}${writeErrors.length ? `: ${writeErrors.slice(0, 3).join("; ")}` : ""}`],
		["SQLITE_BUSY in the CMS log", String(busy)],
	];
	console.log(`\n| ${perLocale} entries per locale, ${readers} readers, ${seconds} s | |\n| --- | --- |`);
	for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
	writes.destroy();
	if (reads.errors > 0 || writeErrors.length > 0 || busy > 0) {
		console.error("\nload: errors under load (above).");
		process.exitCode = 1;
	}
} finally {
	await cms?.stop();
	rmSync(work, { recursive: true, force: true });
}
