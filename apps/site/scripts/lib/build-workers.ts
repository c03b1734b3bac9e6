// A long-lived build process for the site service: Astro is loaded once, so a rebuild costs the
// build itself (about 2 s on the demo content) rather than a cold start as well. The service sends
// { dist } and gets { ok, figures } or { ok: false, error } back; it replaces the worker after a
// crash, or after many builds to bound memory.
import { buildSite } from "../scripts/lib/build-site.ts";

export type WorkerRequest = { dist: string };
export type WorkerReply = { ok: true; pages: number; renderMs: number; indexMs: number } | { ok: false; error: string };

process.on("message", async ({ dist }: WorkerRequest) => {
	let reply: WorkerReply;
	try {
		reply = { ok: true, ...(await buildSite(dist)) };
	} catch (error) {
		reply = { ok: false, error: (error as Error).message };
	}
	process.send?.(reply);
});

// The service went away (stopped, or killed): nothing of it stays running.
process.on("disconnect", () => process.exit(0));
