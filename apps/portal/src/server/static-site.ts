// Serving a built site: its files, with the security headers a production host should send, and
// the locale's 404 page for unknown paths.
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import type { Readable } from "node:stream";
import sirv from "sirv";
import { settleRange } from "./byte-range.ts";
import { quoted } from "./guard.ts";

/** A strict Content-Security-Policy (Pagefind needs wasm-unsafe-eval) and friends. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	"Content-Security-Policy":
		"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy": "strict-origin-when-cross-origin",
	"X-Frame-Options": "DENY",
};

export type Handler = (request: IncomingMessage, response: ServerResponse, next?: () => void) => void;

/**
 * Serves the files of `dir`; a path it does not hold gets `next()`, or the locale's 404 page without one.
 * `log` hears of a file that could not be read (removed under the server).
 */
export function staticSite(dir: string, log: (message: string) => void = (message) => console.error(`aide: ${message}`)): Handler {
	const files = sirv(dir, {
		dev: false,
		etag: true,
		extensions: ["html"],
		setHeaders: (response, _path, stats) => settleRange(response.req, stats.size),
	});
	return (request, response, next) => {
		// sirv pipes a read stream into the response and listens to neither: a read error (a file removed
		// since sirv listed it) would be an uncaught exception, and a client gone mid-file would leave
		// the file open for good (enough of them and the process runs out of file descriptors).
		response.once("pipe", (source: Readable) => {
			source.once("error", (error) => {
				log(`could not read the file for ${quoted(request.url)}: ${error.message}`);
				response.destroy();
			});
			response.once("close", () => source.destroy());
		});
		files(request, response, () => {
			if (next) return next();
			const locale = /^\/([a-z]{2})\//.exec(request.url ?? "")?.[1];
			const localePage = locale ? join(dir, locale, "404", "index.html") : undefined;
			const page = localePage && existsSync(localePage) ? localePage : join(dir, "404.html");
			response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
			response.end(existsSync(page) ? readFileSync(page) : "Not found");
		});
	};
}

/** Sets every header of `headers` on the response. */
export function setHeaders(response: ServerResponse, headers: Readonly<Record<string, string>>): void {
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
}
