// The two build processes of build-process.ts, told their role by their first argument. `render`:
// a long-lived process that renders with Astro (loaded once: a rebuild of a small site costs the
// build alone); `index`: a one-job process that indexes a rendered build with Pagefind, then writes
// the compressed copies of its text files.
// Each gets a request and answers { ok, ... } or { ok: false, error }.

export type WorkerRole = "render" | "index";
export type WorkerRequest = { step: "render"; dist: string } | { step: "index"; buildDir: string };
export type WorkerReply =
	| { ok: true; step: "render"; buildDir: string; renderMs: number; pages: number }
	| { ok: true; step: "index"; pages: number; indexMs: number; compressMs: number }
	| { ok: false; error: string };

// Each step loads only its own code: the index process has no use for Astro's hundreds of megabytes.
// A render process loads Astro as soon as it starts, so that it is ready when the build is asked for
// (a failure to load is reported by that build).
if (process.argv[2] === "render") import("./build-site.ts").catch(() => undefined);
const renderStep = async (dist: string) => (await import("./build-site.ts")).renderSite(dist);
const indexStep = async (buildDir: string) => (await import("./index-site.ts")).indexBuild(buildDir);

process.on("message", async (request: WorkerRequest) => {
	let reply: WorkerReply;
	try {
		reply =
			request.step === "render"
				? { ok: true, step: "render", ...(await renderStep(request.dist)) }
				: { ok: true, step: "index", ...(await indexStep(request.buildDir)) };
	} catch (error) {
		reply = { ok: false, error: (error as Error).message };
	}
	process.send?.(reply);
});

// The parent went away (stopped, or killed): nothing of it stays running.
process.on("disconnect", () => process.exit(0));
