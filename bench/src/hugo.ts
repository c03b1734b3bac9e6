// `--compare hugo`: the seed's own stack on the same content. Installs Debian's `hugo` when it is
// missing, writes the generated pages as a Hugo site (hugo-site.ts), runs `hugo --minify` then the
// workspace's own Pagefind binary (`--site public`, the one Aide's build runs), each timed with the peak
// of its process tree's memory, then serves the built site on loopback and measures a first and a
// second search with Pagefind's own JS API in Chromium (pagefind-search.ts).
import { spawn, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { defaultLocale } from "@aide/locales";
import { pagefindBinary, precompressSite } from "@aide/site-build";
import { writeHugoSite } from "./hugo-site.ts";
import { peakMemory } from "./measure.ts";
import { measurePagefindSearch, type PagefindSearchFigures } from "./pagefind-search.ts";
import { serveFolder } from "./static-server.ts";

/** What `--compare` accepts. */
export const COMPARISONS = ["hugo"] as const;

/** The command that installs Debian's package, with sudo when not root (and sudo exists), else undefined. */
function asRoot(command: string[]): string[] | undefined {
	if (process.getuid?.() === 0) return command;
	const sudo = spawnSync("sudo", ["--version"], { stdio: "ignore" });
	return sudo.status === 0 ? ["sudo", ...command] : undefined;
}

function hugoVersion(): string | undefined {
	const run = spawnSync("hugo", ["version"], { encoding: "utf8" });
	return run.status === 0 ? run.stdout.trim() : undefined;
}

/** Makes sure `hugo` runs, installing Debian's `hugo` package when it is not on PATH; returns `hugo version`. */
export function ensureHugo(log: (line: string) => void): string {
	const found = hugoVersion();
	if (found) return found;
	const help =
		"Install Hugo (on Debian or Ubuntu: sudo apt-get install -y hugo; elsewhere see https://gohugo.io/installation/), then run the bench again.";
	const update = asRoot(["apt-get", "update", "-qq"]);
	const install = asRoot(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "hugo"]);
	if (!update || !install || spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status !== 0) {
		throw new Error(
			`--compare hugo needs the hugo command, which is not on PATH, and cannot install it here (no apt-get, or not root and no sudo). ${help}`,
		);
	}
	for (const command of [update, install]) {
		log(`bench: hugo is not on PATH; running ${command.join(" ")}`);
		const [program = "", ...args] = command;
		const run = spawnSync(program, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
		if (run.status !== 0) throw new Error(`--compare hugo: "${command.join(" ")}" failed (exit ${run.status ?? run.signal}). ${help}`);
	}
	const installed = hugoVersion();
	if (!installed) throw new Error(`--compare hugo: Debian's hugo package is installed, but "hugo version" does not run. ${help}`);
	log(`bench: installed ${installed}`);
	return installed;
}

/** Runs a program to its end; returns its duration, the peak memory of its process tree and its output. */
function timed(program: string, args: string[], cwd: string): Promise<{ ms: number; peakBytes: number; output: string }> {
	return new Promise((done, fail) => {
		const started = performance.now();
		const child = spawn(program, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
		const memory = peakMemory(() => (child.pid ? [child.pid] : []));
		let output = "";
		child.stdout.on("data", (chunk) => {
			output += chunk;
		});
		child.stderr.on("data", (chunk) => {
			output += chunk;
		});
		child.once("error", (error) => {
			memory.stop();
			fail(error);
		});
		child.once("exit", (code) => {
			const ms = performance.now() - started;
			const peakBytes = memory.stop();
			if (code !== 0) return fail(new Error(`${program} ${args.join(" ")} exited with ${code} in ${cwd}:\n${output.slice(-2000)}`));
			done({ ms, peakBytes, output });
		});
	});
}

export interface HugoFigures {
	version: string;
	/** Hugo + Pagefind. */
	buildMs: number;
	hugoMs: number;
	pagefindMs: number;
	/** The larger of the two steps' peaks (they run one after the other). */
	peakBytes: number;
	hugoPeakBytes: number;
	pagefindPeakBytes: number;
	/** HTML pages Hugo built (question pages, category lists, homes). */
	pages: number;
	questionPages: number;
	firstSearch: PagefindSearchFigures;
	secondSearch: PagefindSearchFigures;
}

/**
 * Builds the generated `files` with Hugo + Pagefind in `siteDir` and measures the searches. `progress`
 * hears what is under way (for a spinner).
 */
export async function compareHugo(
	files: readonly string[],
	siteDir: string,
	terms: readonly [string, string],
	progress: (text: string) => void,
): Promise<HugoFigures> {
	const version = ensureHugo(console.log);
	progress("writing the Hugo site");
	const { questionPages } = writeHugoSite(files, siteDir);
	progress("hugo --minify");
	// Its cache inside the site's folder, removed with it (by default it stays in $TMPDIR/hugo_cache).
	const hugo = await timed("hugo", ["--minify", "--cacheDir", join(siteDir, ".hugo-cache")], siteDir);
	const publicDir = join(siteDir, "public");
	const pages = readdirSync(publicDir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html")).length;
	progress("Pagefind on Hugo's pages");
	const pagefind = await timed(await pagefindBinary(), ["--site", "public"], siteDir);
	// Served as the portal serves Aide's site, from compressed copies (not timed: a static host's job).
	progress("compressing Hugo's site as Aide's build does");
	await precompressSite(publicDir);
	progress("searching Hugo's site in Chromium");
	const server = await serveFolder(publicDir);
	try {
		const [firstSearch, secondSearch] = await measurePagefindSearch(`${server.url}/${defaultLocale}/`, terms);
		return {
			version,
			buildMs: hugo.ms + pagefind.ms,
			hugoMs: hugo.ms,
			pagefindMs: pagefind.ms,
			peakBytes: Math.max(hugo.peakBytes, pagefind.peakBytes),
			hugoPeakBytes: hugo.peakBytes,
			pagefindPeakBytes: pagefind.peakBytes,
			pages,
			questionPages,
			firstSearch,
			secondSearch,
		};
	} finally {
		await server.close();
	}
}
