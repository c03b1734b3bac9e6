// `npm run bench -- --entries N` (default 10000): the whole chain at scale, measured.
//
// Generates N entries per locale (French and English, one in twenty left untranslated) as Markdown
// pages, imports them into a fresh CMS through its own import route, then measures and prints:
// reading the corpus from the CMS, the full site build (render and search index) with peak memory,
// sizes, publish-to-live for one changed and one new answer (publish-live.ts: its page, then the whole
// site, search included, then the full rebuild), paged reads with concurrent readers (autocannon),
// and a first and a second search in Chromium. The same figures are written as JSON (--json FILE).
// --readers N and --read-seconds S shape the read load; --api-cache false turns the CMS's response cache off.
// --compare hugo also builds the same pages with the seed's own stack, Hugo + Pagefind (hugo.ts; Debian's
// `hugo` is installed when missing), before the CMS starts so that the two are never measured at once,
// and prints each figure of Aide's beside Hugo's, with the ratio.
// --publishes N (at least 5) then publishes one changed entry N times, each time waiting for its page and
// the full rebuild, and prints the site service's memory after the 5th and the last (publish-memory.ts).
// Everything runs on loopback, in temporary folders, removed at the end.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runImport } from "@aide/faq-import";
import { type SiteService, startSiteService } from "@aide/portal/site-service";
import { buildsPruned, removeSite } from "@aide/site-build";
import { freePort, type RunningCms, startCms } from "@aide/testing";
import ora from "ora";
import { generatePages } from "./generate.ts";
import { COMPARISONS, compareHugo, ensureHugo } from "./hugo.ts";
import { comparisonTable, hugoComparison } from "./hugo-comparison.ts";
import { folderSize, gzipSize, type MemoryTrend, megabytes, memoryTrend, peakMemory, seconds } from "./measure.ts";
import { publishChanged, publishNew } from "./publish-live.ts";
import { FIRST_SAMPLE, publishRepeatedly } from "./publish-memory.ts";
import { PAGE_SIZE, readLoad } from "./read-load.ts";
import { measureSearch } from "./search.ts";

const { values } = parseArgs({
	options: {
		entries: { type: "string", default: "10000" },
		readers: { type: "string", default: "20" },
		"read-seconds": { type: "string", default: "10" },
		json: { type: "string" },
		"api-cache": { type: "string", default: "true" },
		compare: { type: "string" },
		publishes: { type: "string", default: "0" },
	},
});
const perLocale = Number(values.entries);
const readers = Number(values.readers);
const readSeconds = Number(values["read-seconds"]);
if (!Number.isInteger(perLocale) || perLocale < 20)
	throw new Error(`--entries must be a whole number of at least 20, not "${values.entries}".`);
const publishes = Number(values.publishes);
if (!Number.isInteger(publishes) || (publishes !== 0 && publishes < FIRST_SAMPLE))
	throw new Error(`--publishes must be a whole number of at least ${FIRST_SAMPLE} (or 0, the default: none), not "${values.publishes}".`);
if (values.compare !== undefined && !(COMPARISONS as readonly string[]).includes(values.compare)) {
	throw new Error(`--compare takes ${COMPARISONS.map((name) => `"${name}"`).join(" or ")}, not "${values.compare}".`);
}
// Installed (when missing) before anything else, so that a machine without it stops at once.
const hugoVersion = values.compare === "hugo" ? ensureHugo(console.log) : undefined;
/** The first and the second search, the same for both stacks. */
const SEARCH_TERMS = ["sauvegarde", "facture"] as const;
const jsonFile = resolve(process.env.INIT_CWD ?? process.cwd(), values.json ?? `bench-${perLocale}.json`);
const work = mkdtempSync(join(tmpdir(), "aide-bench-"));
const dist = join(work, "dist");
const { NODE_ENV: _env, ...env } = process.env;

/** The CMS's memory over the import, as the bench prints it. */
const importMemory = (trend: MemoryTrend) =>
	`the CMS's RSS ${megabytes(trend.startBytes)} MB before, peak ${megabytes(trend.firstHalfPeakBytes)} MB in the first half, ${megabytes(trend.secondHalfPeakBytes)} MB in the second (${trend.ratio.toFixed(2)} times)`;

/** Runs `fn` under a spinner that says what is happening and how it ended. */
async function step<T>(text: string, fn: (spinner: ReturnType<typeof ora>) => Promise<T>, done: (result: T) => string): Promise<T> {
	const spinner = ora({ text, stream: process.stdout }).start();
	const started = performance.now();
	try {
		const result = await fn(spinner);
		spinner.succeed(`${done(result)} (${seconds(performance.now() - started)} s)`);
		return result;
	} catch (error) {
		spinner.fail(`${text} failed: ${(error as Error).message}`);
		throw error;
	}
}

function runJson<T>(script: string, childEnv: Record<string, string | undefined>): Promise<{ result: T; peakBytes: number }> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, [script], { env: childEnv, stdio: ["ignore", "pipe", "inherit"] });
		const memory = peakMemory(() => (child.pid ? [child.pid] : []));
		let output = "";
		child.stdout.on("data", (chunk) => {
			output += chunk;
		});
		child.once("exit", (code) => {
			const peakBytes = memory.stop();
			if (code !== 0) return fail(new Error(`${script} exited with ${code}`));
			done({ result: JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as T, peakBytes });
		});
	});
}

let cms: RunningCms | undefined;
let service: SiteService | undefined;
try {
	console.log(`bench: ${perLocale} entries per locale, on ${cpus().length} cores and ${megabytes(totalmem())} MB of memory.`);
	const generated = await step(
		"generating the content",
		async () => generatePages(join(work, "pages"), perLocale),
		(pages) => `generated ${pages.entriesPerLocale} French and ${pages.translated} English entries in ${pages.categories} categories`,
	);

	// Before the CMS starts: nothing else runs while Hugo, Pagefind and Chromium are measured.
	const hugo = hugoVersion
		? await step(
				`building the same content with Hugo + Pagefind (${hugoVersion.split(" ").slice(0, 2).join(" ")})`,
				(spinner) =>
					compareHugo(generated.files, join(work, "hugo"), SEARCH_TERMS, (text) => {
						spinner.text = `building the same content with Hugo + Pagefind: ${text}`;
					}),
				(result) =>
					`Hugo + Pagefind built ${result.pages} pages in ${seconds(result.buildMs)} s (Hugo ${seconds(result.hugoMs)} s, Pagefind ${seconds(result.pagefindMs)} s), peak memory ${megabytes(result.peakBytes)} MB; first search ${(result.firstSearch.bytes / 1024).toFixed(1)} KB`,
			)
		: undefined;

	// Measured: its files go now, while nothing else runs (at 10,000 entries, tens of thousands of them).
	rmSync(join(work, "hugo"), { recursive: true, force: true });

	const servicePort = await freePort();
	cms = await step(
		"starting a fresh CMS",
		() => startCms({ env: { AIDE_SITE_SERVICE_URL: `http://127.0.0.1:${servicePort}`, AIDE_API_CACHE: values["api-cache"] } }),
		(started) => `the CMS runs at ${started.url}`,
	);
	const running = cms;

	const secrets = running.sharedSecrets();
	const fastPathLog: string[] = [];
	service = await startSiteService({
		dist,
		public: { host: "127.0.0.1", port: 0 },
		service: { host: "127.0.0.1", port: servicePort },
		webhookSecret: secrets.webhook,
		previewSecret: secrets.preview,
		cmsOrigin: running.url,
		buildEnv: { ...env, CMS_URL: running.url, AIDE_DATA_DIR: running.dataDir },
		// The one-entry fast path's lines (where its time went) are kept for the publish figures.
		log: (line) => {
			if (line.startsWith("the pages of entry")) fastPathLog.push(line);
		},
		// The import's webhooks wait for the measured build (see below).
		holdRebuilds: true,
	});
	const site = service;

	const load = await step(
		"importing into the CMS",
		async (spinner) => {
			const started = performance.now();
			// "Memory flat" (issue 18): the CMS's memory in the import's second half against its first.
			const memory = memoryTrend(() => (running.pid ? [running.pid] : []));
			const summary = await runImport({ url: running.url, token: running.importToken() }, generated.files, {
				publish: true,
				log: (line) => {
					spinner.text = `importing into the CMS: ${line.slice(0, 100)}`;
				},
			});
			const cmsMemory = memory.stop();
			if (summary.errors.length > 0) throw new Error(summary.errors.join("\n"));
			return { ms: performance.now() - started, created: summary.created, cmsMemory };
		},
		(result) => `imported ${result.created} entries and categories, published; ${importMemory(result.cmsMemory)}`,
	);

	await step(
		"waiting for the CMS to finish sending the import's webhooks",
		async () => {
			// Strapi sends them a few at a time after the import; a build during that would measure both.
			let last = -1;
			let stableSince = performance.now();
			while (performance.now() - stableSince < 3_000) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				if (site.rebuilder.waiting !== last) {
					last = site.rebuilder.waiting;
					stableSince = performance.now();
				}
			}
			return last;
		},
		(count) => `${count} webhook calls received, held for the build`,
	);

	const fetched = await step(
		"reading the whole corpus from the CMS, as the build does",
		() =>
			runJson<{ ms: number; entries: number }>(fileURLToPath(new URL("./fetch-step.ts", import.meta.url)), {
				...env,
				CMS_URL: running.url,
				AIDE_DATA_DIR: running.dataDir,
			}),
		({ result }) => `read ${result.entries} entries in ${seconds(result.ms)} s`,
	);

	const build = await step(
		"building the site (fetch, render, search index)",
		async () => {
			await buildsPruned();
			const started = performance.now();
			site.rebuilder.resume();
			const memory = peakMemory(() => site.buildPids());
			site.rebuilder.request("bench");
			await site.rebuilder.idle();
			const peakBytes = memory.stop();
			const report = site.reports.at(-1);
			if (!report?.ok || !report.figures) throw new Error(report?.error ?? "no build report");
			return { ms: performance.now() - started, peakBytes, ...report.figures };
		},
		(result) => `built ${result.pages} pages, peak memory ${megabytes(result.peakBytes)} MB`,
	);

	const live = realpathSync(dist);
	const css = readdirSync(join(live, "_astro")).filter((name) => name.endsWith(".css"));
	const entryPage = readFileSync(join(live, "en", "faq", readdirSync(join(live, "en", "faq"))[0] ?? "", "index.html"));
	const sizes = {
		distBytes: folderSize(live),
		indexBytes: folderSize(join(live, "pagefind")),
		entryPageGzipBytes: gzipSize(Buffer.concat([entryPage, ...css.map((name) => readFileSync(join(live, "_astro", name)))])),
	};

	const target = { cmsUrl: running.url, admin: await running.adminToken(), site };
	const publish = await step(
		"publishing one changed answer, then one new answer, each time waiting until the whole site shows it (search included), then for the full rebuild",
		async () => {
			const { body } = await fetchJson(
				`${running.url}/api/faq-entries?locale=en&filters[anchor][$eq]=q1&populate[category][fields][0]=slug`,
				running.siteToken(),
			);
			const entry = (
				body as { data: Array<{ documentId: string; question: string; slug: string; answer: string; category: { slug: string } | null }> }
			).data[0];
			if (!entry?.category) throw new Error("entry q1 has no English version in a category");
			fastPathLog.length = 0;
			const changed = await publishChanged(target, { ...entry, categorySlug: entry.category.slug });
			const added = await publishNew(target);
			return { changed, added, serviceLog: [...fastPathLog] };
		},
		({ changed, added, serviceLog }) =>
			`a changed answer: its page live after ${seconds(changed.pageMs)} s, the whole site after ${seconds(changed.wholeSiteMs)} s, the full rebuild after ${seconds(changed.fullRebuildMs)} s; a new answer: ${seconds(added.pageMs)} s, ${seconds(added.wholeSiteMs)} s, ${seconds(added.fullRebuildMs)} s. The site service: ${serviceLog.join(" ")}`,
	);

	// The site service deletes the build the rebuild replaced in the background (tens of thousands of
	// files): measured alongside, that deletion would be counted against the CMS's reads.
	await buildsPruned();
	const reads = await step(
		`reading pages of ${PAGE_SIZE} entries, as the build does, with ${readers} concurrent readers for ${readSeconds} s`,
		() => readLoad({ url: running.url, token: running.siteToken(), entriesPerLocale: perLocale, readers, seconds: readSeconds }),
		({ firstReadMs, steady }) =>
			`first read of the corpus ${seconds(firstReadMs)} s; then ${steady.requestsPerSecond} requests/s, p50 ${steady.p50Ms} ms, p95 ${steady.p95Ms} ms, ${steady.errors} errors`,
	);

	const search = await step(
		"searching in Chromium",
		() => measureSearch(site.publicUrl, SEARCH_TERMS),
		([first, second]) => `first search ${first.firstResultsMs} ms, second ${second.firstResultsMs} ms`,
	);

	// Last: fifty builds must not change the figures above.
	const memory =
		publishes > 0
			? await step(
					`publishing one changed entry ${publishes} times, each time waiting for its page and the full rebuild`,
					async (spinner) => {
						const { body } = await fetchJson(`${running.url}/api/faq-entries?locale=en&filters[anchor][$eq]=q2`, running.siteToken());
						const entry = (body as { data: Array<{ documentId: string; question: string; slug: string; answer: string }> }).data[0];
						if (!entry) throw new Error("entry q2 has no English version");
						return publishRepeatedly({ cmsUrl: running.url, admin: await running.adminToken(), site, entry }, publishes, (done) => {
							spinner.text = `publishing one changed entry ${publishes} times: ${done} done`;
						});
					},
					(result) =>
						`the service's memory after ${result.first.publishes} publishes: RSS ${megabytes(result.first.rssBytes)} MB, V8 heap ${megabytes(result.first.heapUsedBytes)} MB; after ${result.publishes}: RSS ${megabytes(result.last.rssBytes)} MB (${result.rssRatio.toFixed(2)} times), V8 heap ${megabytes(result.last.heapUsedBytes)} MB (${result.heapRatio.toFixed(2)} times); the answer's page live after ${seconds(result.pageLiveP50Ms)} s (median, slowest ${seconds(result.pageLiveMaxMs)} s)`,
				)
			: undefined;

	const aideFigures = {
		buildMs: build.ms,
		peakBytes: build.peakBytes,
		indexMs: build.indexMs,
		firstSearchBytes: search[0].bytes,
		firstSearchMs: search[0].firstResultsMs,
		secondSearchBytes: search[1].bytes,
	};
	const compared = hugo ? hugoComparison(hugo, aideFigures) : undefined;
	const figures = {
		date: new Date().toISOString().slice(0, 10),
		machine: { cores: cpus().length, memoryBytes: totalmem() },
		command: `npm run bench -- --entries ${perLocale}${hugoVersion ? " --compare hugo" : ""}`,
		entries: { perLocale, french: generated.entriesPerLocale, english: generated.translated, categories: generated.categories },
		load: { ms: load.ms, cmsMemory: load.cmsMemory },
		fetch: { ms: fetched.result.ms, peakBytes: fetched.peakBytes },
		build: {
			totalMs: build.ms,
			renderMs: build.renderMs,
			indexMs: build.indexMs,
			compressMs: build.compressMs,
			pages: build.pages,
			peakBytes: build.peakBytes,
		},
		sizes,
		publishToLive: publish,
		reads: { readers, seconds: readSeconds, apiCache: values["api-cache"] !== "false", ...reads },
		search: { first: search[0], second: search[1] },
		...(memory ? { publishMemory: memory } : {}),
		...(compared ? { compare: { hugo: compared } } : {}),
	};
	writeFileSync(jsonFile, `${JSON.stringify(figures, null, 2)}\n`);

	const mb = megabytes;
	const rows: Array<[string, string]> = [
		["entries (fr / en)", `${generated.entriesPerLocale} / ${generated.translated}`],
		["import into the CMS", `${seconds(load.ms)} s`],
		["import: the CMS's memory", importMemory(load.cmsMemory)],
		["CMS fetch, whole corpus", `${seconds(fetched.result.ms)} s, peak ${mb(fetched.peakBytes)} MB`],
		["site build: render (fetch included)", `${seconds(build.renderMs)} s`],
		["site build: Pagefind", `${seconds(build.indexMs)} s`],
		["site build: compressed copies (Brotli and gzip)", `${seconds(build.compressMs)} s`],
		// The rest of the total: the render process starting (Astro loaded) and stopping, the index process starting, the swap.
		["site build: total", `${seconds(build.ms)} s, peak ${mb(build.peakBytes)} MB`],
		["dist / index", `${mb(sizes.distBytes)} MB / ${mb(sizes.indexBytes)} MB`],
		["entry page (HTML + CSS, gzipped)", `${sizes.entryPageGzipBytes} B`],
		[
			"publish to live, one changed answer: its page / the whole site (category page, search) / the full rebuild",
			`${seconds(publish.changed.pageMs)} s / ${seconds(publish.changed.wholeSiteMs)} s / ${seconds(publish.changed.fullRebuildMs)} s`,
		],
		[
			"publish to live, one new answer: its page / the whole site (sitemap, search) / the full rebuild",
			`${seconds(publish.added.pageMs)} s / ${seconds(publish.added.wholeSiteMs)} s / ${seconds(publish.added.fullRebuildMs)} s`,
		],
		[
			"CMS paged reads: one read of the whole corpus, as a build (cached when the rebuild's read is under a minute old)",
			`${seconds(reads.firstReadMs)} s`,
		],
		[
			`CMS paged reads, ${readers} readers, ${readSeconds} s`,
			`${reads.steady.requestsPerSecond} req/s (${megabytes(reads.steady.bytesPerSecond)} MB/s), p50 ${reads.steady.p50Ms} ms, p95 ${reads.steady.p95Ms} ms, p99 ${reads.steady.p99Ms} ms, ${reads.steady.errors} errors`,
		],
		[`first search ("${search[0].term}")`, `${(search[0].bytes / 1024).toFixed(1)} KB, ${search[0].firstResultsMs} ms`],
		[`second search ("${search[1].term}")`, `${(search[1].bytes / 1024).toFixed(1)} KB, ${search[1].firstResultsMs} ms`],
		...(memory
			? ([
					[
						`site service's memory after ${memory.first.publishes} / ${memory.publishes} publishes (RSS; V8 heap after GC)`,
						`${mb(memory.first.rssBytes)} / ${mb(memory.last.rssBytes)} MB (${memory.rssRatio.toFixed(2)} times); ${mb(memory.first.heapUsedBytes)} / ${mb(memory.last.heapUsedBytes)} MB (${memory.heapRatio.toFixed(2)} times)`,
					],
					[
						`publish to live, one entry: its pages, over ${memory.publishes} publishes`,
						`median ${seconds(memory.pageLiveP50Ms)} s, slowest ${seconds(memory.pageLiveMaxMs)} s`,
					],
				] satisfies Array<[string, string]>)
			: []),
	];
	console.log(`\n| measure | ${perLocale} entries per locale |\n| --- | --- |`);
	for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
	if (compared) console.log(`\n${comparisonTable(compared, aideFigures, SEARCH_TERMS, perLocale)}`);
	console.log(`\nbench: figures written to ${jsonFile}`);
} finally {
	await service?.close();
	await cms?.stop();
	removeSite(dist);
	rmSync(work, { recursive: true, force: true });
}

async function fetchJson(url: string, token: string): Promise<{ status: number; body: unknown }> {
	const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
	return { status: response.status, body: await response.json() };
}
