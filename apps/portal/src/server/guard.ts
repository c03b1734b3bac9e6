// The request boundary of every server of the site (the public site, the site service, `npm run
// preview`): whatever a handler throws or rejects becomes a 500 for that request, never an
// exception that stops the process and, with it, the site for everyone.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { LogThrottle } from "./log-throttle.ts";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** What a log line may quote of a request (its method and path): enough to find it, never a flood. */
export function quoted(text: string | undefined, max = 120): string {
	const value = JSON.stringify(text ?? "");
	return value.length > max ? `${value.slice(0, max)}…" (${value.length} characters)` : value;
}

/**
 * `handler`, with its failures answered 500 and logged: the first one in full, then one line a minute
 * with how many more there were (an attacker who finds a failing request must not fill the log).
 */
export function guarded(what: string, handler: RequestHandler, log: (message: string) => void): RequestListener {
	const failures = new LogThrottle({
		log,
		summary: (count) => `${what} failed on ${count} more request${count === 1 ? "" : "s"} in the last minute.`,
	});
	const fail = (request: IncomingMessage, response: ServerResponse, error: unknown) => {
		failures.note(
			() =>
				`${what} failed on ${quoted(request.method, 20)} ${quoted(request.url)}: ${quoted(error instanceof Error ? error.message : String(error), 300)}`,
		);
		if (response.headersSent) {
			// Part of the answer is gone: the client must not take it for all of it.
			response.destroy();
			return;
		}
		response.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
		response.end(`${what} failed on this request; its log says why.\n`);
	};
	return (request, response) => {
		try {
			const done = handler(request, response);
			if (done) done.catch((error: unknown) => fail(request, response, error));
		} catch (error) {
			fail(request, response, error);
		}
	};
}
