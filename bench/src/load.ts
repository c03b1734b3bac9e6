// `npm run load`: the CMS under load. A fresh CMS gets a generated help center (--entries per
// locale, default 1,000), then 20 readers (--readers) read it the way a site build does, for
// --seconds (default 30), while an editor edits and publishes an answer every --write-every ms
// (default 250) through the admin API. Prints reads per second, p50 / p95, errors, the editor's
// writes and their errors, and every SQLITE_BUSY the CMS logged; exits 1 if anything failed.
// Then the public site of `npm start` (a site service built from a small synthetic snapshot, its
// reader insights flushed into this CMS): 20 readers read its pages for --site-seconds (default 10),
// quietly, then again while a flood of reader events hits POST /aide/events (--flood-readers
// addresses, default 50, one in four events invalid, and one address sending as fast as it can).
// Prints the reads' p50 / p95 both ways, and how many events were accepted, throttled and refused:
// a figure, not a test.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { dataFiles } from "@aide/config";
import { runImport } from "@aide/faq-import";
import { type SiteService, startSiteService } from "@aide/portal/site-service";
import { removeSite } from "@aide/site-build";
import { createEntryDraft, publishEntry, type RunningCms, startCms, writeSyntheticSnapshot } from "@aide/testing";
import ora from "ora";
import type { FloodCounts } from "./event-flood.ts";
import { generatePages } from "./generate.ts";
import { latencyHistogram, measureReads } from "./read-load.ts";
import { measureSiteReads } from "./site-reads.ts";

const { values } = parseArgs({
	options: {
		entries: { type: "string", default: "1000" },
		readers: { type: "string", default: "20" },
		seconds: { type: "string", default: "30" },
		"write-every": { type: "string", default: "250" },
		"site-seconds": { type: "string", default: "10" },
		"flood-readers": { type: "string", default: "50" },
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
const siteSeconds = numberOption("site-seconds", 1);
const floodReaders = numberOption("flood-readers", 1);

/** The event flood, in a process of its own for `seconds` (see event-flood.ts). */
function runFlood(eventsUrl: string, readers: number, seconds: number): Promise<FloodCounts> {
	const script = fileURLToPath(new URL("./event-flood.ts", import.meta.url));
	const child = spawn(process.execPath, [script, eventsUrl, String(readers), String(seconds)], { stdio: ["ignore", "pipe", "inherit"] });
	let output = "";
	child.stdout.on("data", (chunk: Buffer) => {
		output += chunk.toString();
	});
	return new Promise((resolve, reject) =>
		child.once("exit", (code) =>
			code === 0 ? resolve(JSON.parse(output) as FloodCounts) : reject(new Error(`the event flood stopped (${code}).`)),
		),
	);
}

const work = mkdtempSync(join(tmpdir(), "aide-load-"));
let cms: RunningCms | undefined;
let service: SiteService | undefined;
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

	const site = ora({ text: "building the public site from a synthetic snapshot", stream: process.stdout }).start();
	const snapshot = join(work, "snapshot.json");
	writeSyntheticSnapshot(snapshot, 20);
	const { NODE_ENV: _test, ...env } = process.env;
	service = await startSiteService({
		dist: join(work, "dist"),
		public: { host: "127.0.0.1", port: 0 },
		service: { host: "127.0.0.1", port: 0 },
		webhookSecret: "load-".repeat(8),
		previewSecret: "load-".repeat(8),
		cmsOrigin: running.url,
		buildEnv: { ...env, AIDE_SNAPSHOT: snapshot },
		log: () => {},
		insights: {
			cmsUrl: running.url,
			tokenFile: dataFiles(running.dataDir).tokens.insights,
			flushSeconds: 1,
			siteOrigin: "http://127.0.0.1",
		},
	});
	service.rebuilder.request("start");
	await service.rebuilder.idle();
	if (!service.reports[0]?.ok) throw new Error(`the site could not be built: ${service.reports[0]?.error}`);
	const sitePages = ["/en/", "/fr/", "/en/faq/en-question-1/", "/fr/faq/fr-question-2/", "/en/faq/en-question-3/"];
	site.text = `20 readers on the public site for ${siteSeconds} s, no events`;
	const quiet = await measureSiteReads(service.publicUrl, sitePages, 20, siteSeconds);
	site.text = `20 readers on the public site for ${siteSeconds} s, while ${floodReaders} addresses and one more flood the events route`;
	const flood = runFlood(`${service.publicUrl}/aide/events`, floodReaders, siteSeconds);
	const flooded = await measureSiteReads(service.publicUrl, sitePages, 20, siteSeconds);
	const events = await flood;
	await service.insights?.flush();
	const sent = Object.values(events.statuses).reduce((a, b) => a + b, 0);
	site.succeed(`${quiet.requests + flooded.requests} page reads, ${sent} events sent (${Math.round(sent / siteSeconds)} a second)`);
	const counted = service.insights?.counts;
	const status = (code: number) => events.statuses[code] ?? 0;
	const siteRows: Array<[string, string]> = [
		["page reads, no events (20 readers)", `${quiet.requests} reads, p50 ${quiet.p50Ms} ms, p95 ${quiet.p95Ms} ms, ${quiet.errors} errors`],
		[
			"page reads, during the event flood",
			`${flooded.requests} reads, p50 ${flooded.p50Ms} ms, p95 ${flooded.p95Ms} ms, ${flooded.errors} errors`,
		],
		[
			"events: accepted (204) / throttled (429)",
			`${status(204)} / ${status(429)} (of the accepted: ${counted?.counted ?? 0} counted, ${counted?.overflow ?? 0} over the buffer)`,
		],
		["events refused: 400 / 403 / 413; network errors", `${status(400)} / ${status(403)} / ${status(413)}; ${events.errors}`],
	];
	console.log(`\n| the public site, ${siteSeconds} s each | |\n| --- | --- |`);
	for (const [name, value] of siteRows) console.log(`| ${name} | ${value} |`);
} finally {
	await service?.close();
	removeSite(join(work, "dist"));
	await cms?.stop();
	rmSync(work, { recursive: true, force: true });
}
