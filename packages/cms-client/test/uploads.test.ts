// Reading media files from a real HTTP server on 127.0.0.1 that plays the CMS's /uploads/, faults included.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CmsError, fetchUploadBytes, fetchUploads } from "../src/index.ts";

let server: Server | undefined;
afterEach(async () => {
	server?.closeAllConnections();
	await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	server = undefined;
});

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
	const created = createServer(handler);
	server = created;
	await new Promise<void>((resolve) => created.listen({ host: "127.0.0.1", port: 0 }, resolve));
	return `http://127.0.0.1:${(created.address() as AddressInfo).port}`;
}

const options = (url: string) => ({ url, token: "t", timeoutMs: 300, retries: 1, minRetryDelayMs: 5 });

async function reason(promise: Promise<unknown>): Promise<string> {
	const error = await promise.then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(CmsError);
	return (error as CmsError).message;
}

describe("fetchUploadBytes", () => {
	it("returns an image's bytes and type, without sending the token", async () => {
		let authorization: string | undefined;
		const url = await serve((request, response) => {
			authorization = request.headers.authorization;
			response.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([1, 2, 3]));
		});
		expect(await fetchUploadBytes(options(url), "/uploads/a.png")).toEqual({ bytes: Buffer.from([1, 2, 3]), type: "image/png" });
		expect(authorization).toBeUndefined();
	});

	it("says what went wrong: a 404, something that is not an image, no answer in time", async () => {
		let url = await serve((_request, response) => response.writeHead(404).end("Not Found"));
		expect(await reason(fetchUploadBytes(options(url), "/uploads/gone.png"))).toBe("answered 404");
		server?.close();

		url = await serve((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<p>"));
		expect(await reason(fetchUploadBytes(options(url), "/uploads/page.png"))).toBe(
			"is text/html, not a PNG, JPEG, GIF, WebP or AVIF image",
		);
		server?.close();

		let tries = 0;
		url = await serve(() => {
			tries++; // and never answers
		});
		expect(await reason(fetchUploadBytes(options(url), "/uploads/slow.png"))).toBe("no answer within 0.3 s");
		expect(tries).toBe(2);
	});
});

describe("fetchUploads", () => {
	it("asks the media library for the files by URL, with the token, and refuses what is not a list of files", async () => {
		const asked: string[] = [];
		const url = await serve((request, response) => {
			asked.push(`${request.headers.authorization} ${decodeURIComponent(request.url ?? "")}`);
			response.setHeader("content-type", "application/json");
			response.end(JSON.stringify([{ url: "/uploads/a.png", mime: "image/png", width: 4, height: 3, formats: null }]));
		});
		const found = await fetchUploads(options(url), ["/uploads/a.png", "/uploads/b.png"]);
		expect([...found.keys()]).toEqual(["/uploads/a.png"]);
		expect(asked).toEqual(["Bearer t /api/upload/files?filters[url][$in][0]=/uploads/a.png&filters[url][$in][1]=/uploads/b.png"]);
		server?.close();

		const broken = await serve((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end('{"data":[]}'));
		expect(await reason(fetchUploads(options(broken), ["/uploads/a.png"]))).toMatch(
			/^The CMS at 127\.0\.0\.1:\d+ answered GET \/api\/upload\/files\?.+ with something that is not a list of media files \(\(list\): /,
		);
	});
});
