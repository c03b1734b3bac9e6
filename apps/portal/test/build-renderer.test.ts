// The live build's server code in a worker thread (build-renderer.ts): renders get their locals and
// the request, and a build's thread ends when a newer build replaces it, after its renders in progress.
// The builds here are server entries of a few lines with the handler's signature (@astrojs/node's
// middleware mode); site-service.test.ts renders with real Astro builds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LiveRenderer } from "../src/server/build-renderer.ts";

const work = mkdtempSync(join(tmpdir(), "aide-renderer-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A build whose handler answers /page/ with its name, the request and the locals it got, after `?wait=ms`. */
function build(name: string): { id: string; serverEntry: string } {
	const dir = join(work, name, "server");
	mkdirSync(dir, { recursive: true });
	const serverEntry = join(dir, "entry.mjs");
	writeFileSync(
		serverEntry,
		`export const handler = async (request, response, next, locals) => {
			const url = new URL(request.url, "http://" + request.headers.host);
			if (url.pathname !== "/page/") return next();
			await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get("wait") ?? 0)));
			response.writeHead(200, { "content-type": "application/json", "x-build": ${JSON.stringify(name)} });
			response.end(JSON.stringify({ build: ${JSON.stringify(name)}, method: request.method, host: request.headers.host, locals }));
		};\n`,
	);
	return { id: join(work, name, "client"), serverEntry };
}

const entry = { documentId: "d1", locale: "en", slug: "s", question: "Q?", headings: [{ depth: 2, slug: "h", text: "H" }] };
const get = (url: string) => ({ method: "GET" as const, url, headers: { host: "127.0.0.1:4322" }, notFound: "No such preview." });
const text = (body: Uint8Array) => Buffer.from(body).toString("utf8");

describe("the live build's renderer", () => {
	it("renders with the build's handler, which gets the request and the locals; a route the build lacks answers the caller's 404", async () => {
		const renderers = new LiveRenderer();
		try {
			const renderer = renderers.for(build("a"));
			const locals = { entryPage: { entry } } as unknown as App.Locals;
			const page = await renderer.render(get("/page/"), locals);
			expect(page.status).toBe(200);
			expect(page.headers["x-build"]).toBe("a");
			expect(JSON.parse(text(page.body))).toEqual({ build: "a", method: "GET", host: "127.0.0.1:4322", locals: { entryPage: { entry } } });
			const missing = await renderer.render(get("/elsewhere/"), {});
			expect(missing.status).toBe(404);
			expect(text(missing.body)).toBe("No such preview.\n");
			expect(renderers.for(build("a"))).toBe(renderer);
			expect(renderers.threads).toBe(1);
		} finally {
			await renderers.close();
		}
		expect(renderers.threads).toBe(0);
	});

	it("ends a build's thread when a newer build replaces it, once its render in progress is done", async () => {
		const renderers = new LiveRenderer();
		try {
			const old = renderers.for(build("b"));
			const slow = old.render(get("/page/?wait=500"), {});
			const next = renderers.for(build("c"));
			expect(next).not.toBe(old);
			// Both run while the old build's render is in progress; it ends with the old build's page.
			expect(renderers.threads).toBe(2);
			expect(JSON.parse(text((await slow).body)).build).toBe("b");
			await expect.poll(() => renderers.threads).toBe(1);
			await expect(old.render(get("/page/"), {})).rejects.toThrow("the build's render thread has ended: a newer build is live");
			expect(JSON.parse(text((await next.render(get("/page/"), {})).body)).build).toBe("c");
			// Retired with nothing in progress (another build went live, its thread not started yet): it ends at once.
			renderers.retire();
			await expect.poll(() => renderers.threads).toBe(0);
		} finally {
			await renderers.close();
		}
	});

	it("says what failed when a build's server code cannot be loaded", async () => {
		const renderers = new LiveRenderer();
		try {
			const missing = { id: join(work, "gone", "client"), serverEntry: join(work, "gone", "server", "entry.mjs") };
			await expect(renderers.for(missing).render(get("/page/"), {})).rejects.toThrow(/Cannot find module .*gone\/server\/entry\.mjs/);
		} finally {
			await renderers.close();
		}
	});
});
