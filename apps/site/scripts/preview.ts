// `npm run preview`: serves the built site (apps/site/dist, or AIDE_SITE_OUT_DIR) on
// http://127.0.0.1:4321 (HOST / PORT override), with the security headers a production host should send.

import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";

/** Headers for every response: a strict Content-Security-Policy (Pagefind needs wasm-unsafe-eval) and friends. */
export const SECURITY_HEADERS = {
	"Content-Security-Policy":
		"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy": "strict-origin-when-cross-origin",
	"X-Frame-Options": "DENY",
};

/** Starts a static server for `dir`; resolves once it listens. Unknown paths get the locale's 404 page. */
export async function serveSite(dir: string, { host = "127.0.0.1", port = 4321 } = {}): Promise<Server> {
	const files = sirv(dir, { dev: false, etag: true, extensions: ["html"] });
	const server = createServer((request, response) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
		files(request, response, () => {
			const locale = /^\/([a-z]{2})\//.exec(request.url ?? "")?.[1];
			const page =
				locale && existsSync(join(dir, locale, "404", "index.html")) ? join(dir, locale, "404", "index.html") : join(dir, "404.html");
			response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
			response.end(existsSync(page) ? readFileSync(page) : "Not found");
		});
	});
	await new Promise<void>((done, fail) => {
		server.once("error", fail);
		server.listen({ host, port }, done);
	});
	return server;
}

if (import.meta.main) {
	const dir = resolve(process.env.AIDE_SITE_OUT_DIR?.trim() || fileURLToPath(new URL("../dist", import.meta.url)));
	const host = process.env.HOST?.trim() || "127.0.0.1";
	const port = Number(process.env.PORT?.trim() || 4321);
	await serveSite(dir, { host, port });
	console.log(`aide: serving ${dir} at http://${host}:${port}/ (Ctrl-C stops it)`);
}
