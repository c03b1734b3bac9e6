// Builds the site in child processes (build-workers.ts), so that what Astro holds and what Pagefind
// holds are never in memory at the same time:
//
// 1. the render process renders into a new build folder. It lives on between builds (Astro loaded
//    once), with its V8 heap capped (AIDE_BUILD_HEAP_MB, default 768: left alone, V8 lets garbage
//    grow the heap to gigabytes on a large site);
// 2. when the site is large (more than LARGE_SITE_PAGES pages), it is stopped after rendering, which
//    frees its memory (a gigabyte at 20,000 pages) before Pagefind needs as much, and a fresh one is
//    started (and loads Astro) once the new build is live, ready for the next; it is also replaced
//    after a crash or BUILDS_PER_PROCESS builds;
// 3. a fresh index process runs Pagefind over the new folder, writes the compressed copies of its
//    text files (precompress.ts), and exits;
// 4. the new build goes live (builds.ts). A failure at any step removes the new folder and changes nothing.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { buildHeapMb, paths } from "@aide/config";
import type { WorkerReply, WorkerRequest, WorkerRole } from "./build-workers.ts";
import { promoteBuild, removeBuild } from "./builds.ts";

const workerScript = fileURLToPath(new URL("./build-workers.ts", import.meta.url));

/** Builds a render process runs before it is replaced by a fresh one, which bounds what repeated builds can leak. */
export const BUILDS_PER_PROCESS = 25;
/** Past this many pages, the render process is stopped before indexing starts (see above). */
export const LARGE_SITE_PAGES = 2_000;

/** The render process's heap limit (AIDE_BUILD_HEAP_MB, read by @aide/config). */
export { buildHeapMb };

/** What a build came to. */
export interface BuildOutcome {
	ok: boolean;
	/** Why it failed, for the log. */
	error?: string;
	/** Where the time went, for the log. */
	detail?: string;
	/** A successful build's figures. */
	figures?: { pages: number; renderMs: number; indexMs: number; compressMs: number };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export class SiteBuilder {
	#render: ChildProcess | undefined;
	#index: ChildProcess | undefined;
	#builds = 0;
	readonly #env: Record<string, string | undefined>;
	readonly #heapMb: number;
	readonly #largeSitePages: number;

	constructor(env: Record<string, string | undefined>, { largeSitePages = LARGE_SITE_PAGES }: { largeSitePages?: number } = {}) {
		this.#env = env;
		this.#heapMb = buildHeapMb(env);
		this.#largeSitePages = largeSitePages;
	}

	/** Renders, indexes and puts live a new build at `dist`. Never throws: a failure is an outcome. */
	async build(dist: string): Promise<BuildOutcome> {
		if (this.#render && this.#builds >= BUILDS_PER_PROCESS) await this.#stopRender();
		const render = this.#startRender();
		this.#builds++;
		const rendered = await ask(render, { step: "render", dist }, `the render process (heap limit ${this.#heapMb} MB)`);
		if (!rendered.ok || rendered.step !== "render") {
			// A crash (out of memory, killed) leaves a process that cannot be trusted: the next build gets a new one.
			if (this.#render?.exitCode !== null || this.#render?.signalCode !== null) this.#render = undefined;
			return { ok: false, error: rendered.ok ? "the render process answered another step" : rendered.error };
		}
		const large = rendered.pages > this.#largeSitePages;
		if (large) await this.#stopRender();

		this.#index = this.#fork("index", []);
		const indexed = await ask(this.#index, { step: "index", buildDir: rendered.buildDir }, "the index process").finally(() =>
			this.#stopIndex(),
		);
		if (!indexed.ok || indexed.step !== "index") {
			removeBuild(rendered.buildDir);
			return { ok: false, error: indexed.ok ? "the index process answered another step" : indexed.error };
		}
		promoteBuild(dist, rendered.buildDir);
		if (large) this.warm();
		return {
			ok: true,
			figures: { pages: indexed.pages, renderMs: rendered.renderMs, indexMs: indexed.indexMs, compressMs: indexed.compressMs },
			detail: `${indexed.pages} pages; rendered in ${seconds(rendered.renderMs)}, indexed in ${seconds(indexed.indexMs)}, compressed in ${seconds(indexed.compressMs)}`,
		};
	}

	/**
	 * Starts the render process now, if there is none, so that it has loaded Astro by the time a build
	 * is asked for (the site service calls this when it starts).
	 */
	warm(): void {
		this.#startRender();
	}

	#startRender(): ChildProcess {
		// One that died while it waited (killed, out of memory) is replaced, not asked.
		if (this.#render && !this.#render.connected) {
			this.#render = undefined;
			this.#builds = 0;
		}
		// Astro's build sends usage data unless told not to; a build must not reach outside.
		this.#render ??= this.#fork("render", [`--max-old-space-size=${this.#heapMb}`], { ASTRO_TELEMETRY_DISABLED: "1" });
		return this.#render;
	}

	/** The build's processes while they run (for measurements). */
	get pids(): number[] {
		return [this.#render?.pid, this.#index?.pid].filter((pid): pid is number => pid !== undefined);
	}

	stop(): void {
		this.#render?.kill("SIGTERM");
		this.#render = undefined;
		this.#builds = 0;
		this.#stopIndex();
	}

	#fork(role: WorkerRole, execArgv: string[], env: Record<string, string> = {}): ChildProcess {
		return fork(workerScript, [role], {
			cwd: paths.site,
			// Fewer malloc arenas: the render process's native memory stays closer to what it uses.
			env: { MALLOC_ARENA_MAX: "2", ...this.#env, ...env },
			execArgv: [...process.execArgv, ...execArgv],
			stdio: ["ignore", "inherit", "inherit", "ipc"],
		});
	}

	async #stopRender(): Promise<void> {
		const child = this.#render;
		this.#render = undefined;
		this.#builds = 0;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once("exit", resolve));
		child.kill("SIGTERM");
		await exited;
	}

	#stopIndex(): void {
		this.#index?.kill("SIGTERM");
		this.#index = undefined;
	}
}

/** Sends one request and waits for the answer; a process that dies first is a failed build. */
function ask(child: ChildProcess, request: WorkerRequest, what: string): Promise<WorkerReply> {
	return new Promise((resolve) => {
		const onExit = (code: number | null, signal: string | null) => {
			child.off("message", onMessage);
			const outOfMemory = signal === "SIGABRT" || code === 134;
			resolve({
				ok: false,
				error: `${what} stopped (${signal ?? `exit ${code}`}) in the middle of the build.${
					outOfMemory ? " If the log above says it ran out of memory, raise AIDE_BUILD_HEAP_MB." : ""
				}`,
			});
		};
		const onMessage = (reply: WorkerReply) => {
			child.off("exit", onExit);
			resolve(reply);
		};
		child.once("exit", onExit);
		child.once("message", onMessage);
		child.send(request, (error) => {
			if (!error) return;
			child.off("exit", onExit);
			child.off("message", onMessage);
			resolve({ ok: false, error: `${what} could not be reached (${error.message}).` });
		});
	});
}
