// A worker thread that holds one build's server code (see build-renderer.ts): the site service's draft
// previews and one-entry pages are rendered here, so that the build's modules go with the thread when
// a newer build replaces it (a module imported into the service itself would stay there for good).
//
// Astro's handler (@astrojs/node in middleware mode) takes a Node request and response: each render is
// a request from this thread to its own server on 127.0.0.1, carrying a one-time id under which the
// page's `locals` wait here. Without that id the server renders nothing.
import { randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import type { RenderedPage, RenderReply, RenderWorkerData, RenderWorkerRequest } from "./render-messages.ts";

/** The request handler of a build's server code. */
type AstroHandler = (request: IncomingMessage, response: ServerResponse, next: () => void, locals: App.Locals) => Promise<void>;

const RENDER_ID_HEADER = "x-aide-render";
/** Headers of one HTTP hop (and the date): the request to this thread's own server, and the service's response, set their own. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "te", "trailer", "content-length", "date"]);
const endToEnd = <T>(headers: Record<string, T>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

const port = parentPort;
if (!port) throw new Error("render-worker.ts runs as a worker thread of the site service (build-renderer.ts), not on its own.");
const { serverEntry } = workerData as RenderWorkerData;
/** The renders asked for, by their one-time id: each one's locals and its 404 text. */
const waiting = new Map<string, { locals: App.Locals; notFound: string }>();

const notFound = (response: ServerResponse, text: string) =>
	response.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end(`${text}\n`);

const server = createServer((request, response) => {
	const id = request.headers[RENDER_ID_HEADER];
	const render = typeof id === "string" ? waiting.get(id) : undefined;
	if (!render) return notFound(response, "Not found.");
	waiting.delete(id as string);
	delete request.headers[RENDER_ID_HEADER];
	return handler.then((handle) => handle(request, response, () => notFound(response, render.notFound), render.locals));
});
// Listening and loading the build's code start at once; renders wait for both.
const listening = new Promise<number>((resolve, reject) => {
	server.once("error", reject);
	server.listen({ host: "127.0.0.1", port: 0 }, () => resolve((server.address() as AddressInfo).port));
});
const handler = import(pathToFileURL(serverEntry).href).then((module: { handler: AstroHandler }) => module.handler);
// Not unhandled while no render has asked for them yet: each render reports the failure.
for (const ready of [listening, handler]) ready.catch(() => undefined);

async function render({ request, locals }: RenderWorkerRequest): Promise<RenderedPage> {
	const [serverPort] = await Promise.all([listening, handler]);
	const id = randomUUID();
	waiting.set(id, { locals, notFound: request.notFound });
	try {
		return await new Promise((resolve, reject) => {
			const outgoing = httpRequest(
				{
					host: "127.0.0.1",
					port: serverPort,
					method: request.method,
					path: request.url,
					headers: { ...endToEnd(request.headers), [RENDER_ID_HEADER]: id },
				},
				(response) => {
					const chunks: Buffer[] = [];
					response.on("data", (chunk: Buffer) => chunks.push(chunk));
					response.once("error", reject);
					response.once("end", () => {
						resolve({
							status: response.statusCode ?? 500,
							headers: endToEnd(response.headers),
							body: new Uint8Array(Buffer.concat(chunks)),
						});
					});
				},
			);
			outgoing.once("error", reject);
			outgoing.end();
		});
	} finally {
		waiting.delete(id);
	}
}

port.on("message", (message: RenderWorkerRequest) => {
	render(message).then(
		(rendered) => port.postMessage({ id: message.id, ok: true, ...rendered } satisfies RenderReply, [rendered.body.buffer]),
		(error: Error) => port.postMessage({ id: message.id, ok: false, error: error.message } satisfies RenderReply),
	);
});
