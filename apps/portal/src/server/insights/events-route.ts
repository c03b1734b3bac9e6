// POST /aide/events on the public site: one reader event (a search, a result opened, a vote under an
// answer) per request, from the site's own pages. Answers 204 as soon as the event is counted in
// memory (aggregator.ts); the CMS hears of it at the next flush (cms-sink.ts), never on this path.
// The site may be served from another origin than this server (a static host at SITE_URL, with
// AIDE_INSIGHTS_URL an absolute URL here): its pages' JSON POST is then cross-origin, so the route
// answers the CORS preflight (OPTIONS) and names that origin in Access-Control-Allow-Origin. The
// pages send no cookies (fetch's default) and none are allowed: no Access-Control-Allow-Credentials.
// Refusals are short JSON errors: 405 another method, 403 another origin, 429 a flood from one
// address (rate-limit.ts), 413 a body over 2 KiB, 415 a body that is not JSON, 400 one that is not an
// event (event-schema.ts). A browser that sent Do Not Track or Global Privacy Control gets 204, and
// its event is dropped unread.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { InsightAggregator } from "./aggregator.ts";
import { clientAddress } from "./client-address.ts";
import type { CmsSink } from "./cms-sink.ts";
import { readEvent } from "./event-schema.ts";
import type { RateLimit } from "./rate-limit.ts";

/** An event is a few hundred bytes; a body past this is not one. */
export const MAX_EVENT_BYTES = 2 * 1024;

export interface EventsRouteOptions {
	aggregator: InsightAggregator;
	sink: CmsSink;
	limit: RateLimit;
	/** The site's public origin (SITE_URL), besides the origin of the host the request was sent to. */
	siteOrigin: string;
	/** Reverse proxies in front of the public server (AIDE_PROXY_HOPS): see client-address.ts. */
	proxyHops: number;
}

/** What was done with the events that were answered 204 (for tests and the load figure). */
export interface EventCounts {
	counted: number;
	dropped: number;
	overflow: number;
	/** Events of a key whose count reached the most one batch may carry (aggregator.ts): capped, not logged. */
	saturated: number;
	declined: number;
}

function sendJson(response: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): void {
	response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
	response.end(`${JSON.stringify({ error })}\n`);
}

/** Ends the answer before the body was read: the connection closes, so that the unread body is not read. */
const refuse = (response: ServerResponse, status: number, error: string, headers: Record<string, string> = {}) =>
	sendJson(response, status, error, { connection: "close", ...headers });

/** Answers to a preflight from an allowed origin may be reused by the browser for a day. */
const PREFLIGHT_MAX_AGE_SECONDS = 86_400;

/**
 * Whose page the request comes from: "no page" (a tool, which no Origin header tells apart), the page's
 * origin when it is the site's (SITE_URL's, or the host's the request was sent to), else "refused".
 */
function pageOrigin(request: IncomingMessage, siteOrigin: string): { page: string } | "no page" | "refused" {
	const origin = request.headers.origin;
	// The site's own origin, wherever this server is: pages of a static host elsewhere send cross-site.
	if (origin === siteOrigin) return { page: origin };
	if (request.headers["sec-fetch-site"] === "cross-site") return "refused";
	if (origin === undefined) return "no page";
	// Behind a proxy that keeps the Host header, or on another name of this host: the host the browser asked for.
	const parsed = URL.parse(origin);
	return parsed !== null && /^https?:$/.test(parsed.protocol) && parsed.host === request.headers.host ? { page: origin } : "refused";
}

/** The CORS headers of an answer to a page (none for a tool): the browser hands the page the answer. */
const corsHeaders = (origin: { page: string } | "no page"): Record<string, string> =>
	origin === "no page" ? {} : { "access-control-allow-origin": origin.page, vary: "Origin" };

/** Reads the body up to `max` bytes: "too large" past it (and then stops reading), "gone" if the client left. */
function readCapped(request: IncomingMessage, max: number): Promise<Buffer | "too large" | "gone"> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const onData = (chunk: Buffer) => {
			size += chunk.length;
			if (size <= max) return void chunks.push(chunk);
			request.off("data", onData);
			request.pause();
			resolve("too large");
		};
		request.on("data", onData);
		request.once("end", () => resolve(Buffer.concat(chunks)));
		// A client that goes away mid-body is no failure of ours (resolve keeps the first outcome).
		request.once("error", () => resolve("gone"));
		request.once("close", () => resolve("gone"));
	});
}

/** The handler of INSIGHT_ROUTES.events, and what it did with the events it answered 204. */
export function eventsRoute(options: EventsRouteOptions): {
	handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
	counts: EventCounts;
} {
	const { aggregator, sink, limit, siteOrigin, proxyHops } = options;
	const counts: EventCounts = { counted: 0, dropped: 0, overflow: 0, saturated: 0, declined: 0 };
	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		if (request.method !== "POST" && request.method !== "OPTIONS")
			return refuse(response, 405, "Send events with POST.", { allow: "POST, OPTIONS" });
		const origin = pageOrigin(request, siteOrigin);
		if (origin === "refused") return refuse(response, 403, "Events are taken from the site's own pages only.");
		if (request.method === "OPTIONS") {
			// The preflight of a page elsewhere (JSON is no "simple" content type); a tool's OPTIONS gets the methods.
			const preflight =
				origin === "no page"
					? { allow: "POST, OPTIONS" }
					: {
							...corsHeaders(origin),
							"access-control-allow-methods": "POST",
							"access-control-allow-headers": "content-type",
							"access-control-max-age": String(PREFLIGHT_MAX_AGE_SECONDS),
						};
			response.writeHead(204, { "cache-control": "no-store", ...preflight }).end();
			return;
		}
		// Every answer from here on is the page's to read.
		for (const [name, value] of Object.entries(corsHeaders(origin))) response.setHeader(name, value);
		// The browser said no: nothing of it is read, let alone kept.
		if (request.headers.dnt === "1" || request.headers["sec-gpc"] === "1") {
			counts.declined++;
			response.writeHead(204, { "cache-control": "no-store", connection: "close" }).end();
			return;
		}
		const wait = limit.take(clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], proxyHops));
		if (wait > 0)
			return refuse(response, 429, `Too many events from this address; try again in ${wait} s.`, { "retry-after": String(wait) });
		const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
		// navigator.sendBeacon sends a string as text/plain.
		if (type !== "application/json" && type !== "text/plain")
			return refuse(response, 415, "Send the event as JSON (Content-Type: application/json).");
		const declared = Number(request.headers["content-length"]);
		if (declared > MAX_EVENT_BYTES) return refuse(response, 413, `The event is larger than ${MAX_EVENT_BYTES} bytes.`);
		const body = await readCapped(request, MAX_EVENT_BYTES);
		if (body === "gone") return void response.destroy();
		if (body === "too large") return refuse(response, 413, `The event is larger than ${MAX_EVENT_BYTES} bytes.`);
		let json: unknown;
		try {
			json = JSON.parse(body.toString("utf8"));
		} catch {
			return sendJson(response, 400, "The body is not JSON.");
		}
		const read = readEvent(json);
		if (!read.ok) return sendJson(response, 400, read.error);
		const added = aggregator.add(read.event);
		counts[added]++;
		if (added === "overflow") sink.noteOverflow();
		response.writeHead(204, { "cache-control": "no-store" }).end();
	};
	return { handle, counts };
}
