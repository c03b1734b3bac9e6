// `npm run bench:search -- [--entries N]`: builds a generated site of N entries per locale (default
// 10,000) with its Pagefind index, serves it on loopback and measures, in a real Chromium, the
// bytes downloaded and the time to first results for a first and a second query. Prints a table
// and the same figures as JSON. Cleans up after itself.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeSnapshot } from "@aide/cms-loader";
import { chromium } from "@playwright/test";
import { removeSite } from "../../apps/site/scripts/lib/builds.ts";
import { chromiumLaunchOptions } from "../support/chromium.ts";
import { generateContent } from "./generate-content.ts";

const { values } = parseArgs({ options: { entries: { type: "string", default: "10000" } } });
const perLocale = Number(values.entries);
const root = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-bench-"));
const out = join(work, "dist");
const log = (message: string) => console.log(`bench: ${message}`);

function folderSize(dir: string): number {
	return readdirSync(dir, { recursive: true, encoding: "utf8" }).reduce((total, name) => {
		const stat = statSync(join(dir, name));
		return total + (stat.isFile() ? stat.size : 0);
	}, 0);
}

const freePort = () =>
	new Promise<number>((resolve) => {
		const server = createServer().listen({ host: "127.0.0.1", port: 0 }, () => {
			const address = server.address();
			server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
		});
	});

try {
	log(`generating ${perLocale} entries per locale...`);
	const snapshot = join(work, "snapshot.json");
	writeSnapshot(snapshot, generateContent(perLocale));

	log("building the site and its search index (this is the long part)...");
	const started = performance.now();
	const build = spawnSync(process.execPath, [join(root, "apps/site/scripts/build.ts"), "--snapshot", snapshot], {
		stdio: "inherit",
		env: { ...process.env, AIDE_SITE_OUT_DIR: out },
	});
	if (build.status !== 0) throw new Error("The build failed.");
	const buildSeconds = (performance.now() - started) / 1000;

	const port = await freePort();
	const server = spawn(process.execPath, [join(root, "apps/site/scripts/preview.ts")], {
		env: { ...process.env, AIDE_SITE_OUT_DIR: out, PORT: String(port) },
		stdio: ["ignore", "pipe", "inherit"],
	});
	await new Promise<void>((resolve) => server.stdout?.on("data", (chunk) => String(chunk).includes("serving") && resolve()));

	const browser = await chromium.launch(chromiumLaunchOptions);
	const page = await browser.newPage();
	let bytes = 0;
	page.on("requestfinished", async (request) => {
		const sizes = await request.sizes().catch(() => undefined);
		if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
	});
	await page.goto(`http://127.0.0.1:${port}/fr/`, { waitUntil: "networkidle" });

	const measure = async (term: string) => {
		bytes = 0;
		await page.locator("#search-input").fill("");
		await page.locator(".search-panel").evaluate((panel) => panel.setAttribute("hidden", ""));
		const startedAt = await page.evaluate(() => performance.now());
		await page.locator("#search-input").fill(term);
		await page.locator(".search-results li").first().waitFor();
		const elapsed = (await page.evaluate(() => performance.now())) - startedAt;
		await page.waitForLoadState("networkidle");
		// The box waits 150 ms after the last keystroke before searching: that is typing comfort, not search time.
		return { term, bytes, firstResultsMs: Math.max(0, Math.round(elapsed - 150)) };
	};
	const first = await measure("sauvegarde");
	const second = await measure("paiement");
	await browser.close();
	server.kill("SIGTERM");

	const figures = {
		date: new Date().toISOString().slice(0, 10),
		entriesPerLocale: perLocale,
		buildSeconds: Math.round(buildSeconds * 10) / 10,
		distBytes: folderSize(out),
		indexBytes: folderSize(join(out, "pagefind")),
		firstSearch: first,
		secondSearch: second,
	};
	console.log("\n| measure | value |\n| --- | --- |");
	console.log(`| entries per locale | ${perLocale} |`);
	console.log(`| build + index | ${figures.buildSeconds} s |`);
	console.log(`| dist / index | ${(figures.distBytes / 1e6).toFixed(1)} MB / ${(figures.indexBytes / 1e6).toFixed(1)} MB |`);
	console.log(`| first search ("${first.term}") | ${(first.bytes / 1024).toFixed(1)} KB, results in ${first.firstResultsMs} ms |`);
	console.log(`| second search ("${second.term}") | ${(second.bytes / 1024).toFixed(1)} KB, results in ${second.firstResultsMs} ms |`);
	console.log(`\n${JSON.stringify(figures)}`);
} finally {
	removeSite(out);
	rmSync(work, { recursive: true, force: true });
}
