// How the CMS asks the site service for rebuilds (src/bootstrap/rebuild-calls.ts), against real HTTP
// servers on 127.0.0.1: one that answers like the service, one that never answers, and a port where
// nothing listens. Strapi's event hub is stood in for by the few lines it takes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ENTRY_UID as ENTRY } from "@aide/cms-contract";
import { freePort } from "@aide/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type EntryEvent, type EventSource, failureLog, startRebuildCalls } from "../src/bootstrap/rebuild-calls.ts";
import { startRebuildListener } from "./support/rebuild-listener.ts";

const SECRET = "a-secret-of-the-site-service";

/** Strapi's event hub as far as the rebuild calls use it, and a log that keeps its lines. */
function fakeStrapi() {
	const listeners = new Map<string, Array<(info?: EntryEvent) => Promise<void>>>();
	const lines: string[] = [];
	const strapi: EventSource = {
		eventHub: {
			on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
			off: (event, listener) =>
				listeners.set(
					event,
					(listeners.get(event) ?? []).filter((other) => other !== listener),
				),
		},
		log: { info: (message) => lines.push(`info: ${message}`), warn: (message) => lines.push(`warn: ${message}`) },
	};
	const emit = async (event: string, info: EntryEvent) => {
		for (const listener of listeners.get(event) ?? []) await listener(info);
	};
	return { strapi, emit, lines };
}

const waitFor = async (done: () => boolean, ms = 5000) => {
	for (const deadline = Date.now() + ms; !done() && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
};

const closers: Array<() => unknown> = [];
afterEach(async () => {
	for (const close of closers.splice(0)) await close();
});

describe("rebuild calls", () => {
	it("send one call per change to published content, with the secret and Strapi's webhook body; none for a draft save", async () => {
		const site = await startRebuildListener(SECRET);
		closers.push(site.close);
		const { strapi, emit } = fakeStrapi();
		closers.push(startRebuildCalls(strapi, { siteServiceUrl: site.url, secret: SECRET }));
		await emit("entry.create", { uid: ENTRY, entry: { documentId: "d1", publishedAt: null } });
		await emit("entry.update", { uid: ENTRY, entry: { documentId: "d1", publishedAt: null } });
		await emit("entry.publish", { uid: ENTRY, entry: { documentId: "d1", publishedAt: "2026-12-02T00:00:00.000Z" } });
		await emit("entry.unpublish", { uid: ENTRY, entry: { documentId: "d1", publishedAt: "2026-12-02T00:00:00.000Z" } });
		await emit("entry.draft-discard", { uid: ENTRY, entry: { documentId: "d1", publishedAt: null } });
		await waitFor(() => site.calls.length >= 2);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(site.calls).toEqual([
			{ path: "/rebuild", secretOk: true, event: "entry.publish", uid: ENTRY, documentId: "d1" },
			{ path: "/rebuild", secretOk: true, event: "entry.unpublish", uid: ENTRY, documentId: "d1" },
		]);
	});

	it("say once that the site service is unreachable, not once per call", async () => {
		const port = await freePort();
		const { strapi, emit, lines } = fakeStrapi();
		closers.push(startRebuildCalls(strapi, { siteServiceUrl: `http://127.0.0.1:${port}`, secret: SECRET }));
		for (let n = 0; n < 30; n++) await emit("entry.publish", { uid: ENTRY, entry: { documentId: `d${n}`, publishedAt: "now" } });
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(lines).toEqual([
			expect.stringMatching(
				new RegExp(
					`^warn: Could not ask the site service to rebuild the public site: http://127.0.0.1:${port}/rebuild is unreachable \\(connect ECONNREFUSED .*\\); is the site service running \\(npm start\\), and does AIDE_SITE_SERVICE_URL point at it\\?`,
				),
			),
		]);
	});

	it("give up on a call the site service does not answer, and say so", async () => {
		const hanging: Server = createServer(() => {});
		await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
		closers.push(() => {
			hanging.closeAllConnections();
			hanging.close();
		});
		const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
		const { strapi, emit, lines } = fakeStrapi();
		closers.push(startRebuildCalls(strapi, { siteServiceUrl: url, secret: SECRET, timeoutMs: 300 }));
		await emit("entry.publish", { uid: ENTRY, entry: { documentId: "d1", publishedAt: "now" } });
		await waitFor(() => lines.length > 0);
		expect(lines).toEqual([expect.stringContaining(`${url}/rebuild did not answer within 0.3 s`)]);
	});

	it("say a refused secret in words that name the fix", async () => {
		const site = await startRebuildListener(SECRET);
		closers.push(site.close);
		const refusing: Server = createServer((_request, response) => response.writeHead(401).end());
		await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
		closers.push(() => refusing.close());
		const url = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
		const { strapi, emit, lines } = fakeStrapi();
		closers.push(startRebuildCalls(strapi, { siteServiceUrl: url, secret: SECRET }));
		await emit("entry.publish", { uid: ENTRY, entry: { documentId: "d1", publishedAt: "now" } });
		await waitFor(() => lines.length > 0);
		expect(lines).toEqual([
			expect.stringContaining("answered 401: it refuses the secret. The CMS and the site service must share AIDE_WEBHOOK_SECRET"),
		]);
	});
});

describe("the failure log", () => {
	it("writes the first failure, then one line a minute while failures go on, then one when calls get through", () => {
		let now = 0;
		const lines: string[] = [];
		const log = failureLog(
			{ info: (message) => lines.push(`info: ${message}`), warn: (message) => lines.push(`warn: ${message}`) },
			() => now,
		);
		for (let n = 0; n < 100; n++) {
			now = n * 1000;
			log.failed(`failure ${n}`);
		}
		log.succeeded();
		log.succeeded();
		expect(lines).toEqual([
			expect.stringMatching(/^warn: Could not ask the site service to rebuild the public site: failure 0\./),
			"warn: 60 more rebuild calls to the site service failed in the last minute; the last: failure 60.",
			"info: The site service takes rebuild calls again (39 failed since the last message).",
		]);
	});
});
