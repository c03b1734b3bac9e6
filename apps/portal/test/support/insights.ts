// For the reader-insights tests: a stand-in for the CMS's record route (a real HTTP server on
// 127.0.0.1 that keeps what it is sent, and can be stopped, restarted or made to fail), and a POST
// from a chosen local address (127.0.0.0/8 is all this machine's: each address is another client).
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { InsightBatch } from "@aide/cms-contract";

export interface FakeCms {
	url: string;
	/** The batches it took, with the token each came with. */
	received: Array<{ token: string | undefined; batch: InsightBatch }>;
	/** What it answers: 204 and keeps the batch, or this status without keeping it. */
	answer: number;
	/** How many batches it answered with another status than 204. */
	refused: number;
	/** How long it takes to answer, in ms (a slow CMS keeps a send going). */
	delayMs: number;
	stop(): Promise<void>;
	restart(): Promise<void>;
}

function bodyOf(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on("data", (chunk: Buffer) => chunks.push(chunk));
		request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
		request.once("error", reject);
	});
}

export async function startFakeCms(): Promise<FakeCms> {
	let server: Server;
	let port = 0;
	const cms: FakeCms = {
		url: "",
		received: [],
		answer: 204,
		refused: 0,
		delayMs: 0,
		stop: () => new Promise((resolve) => server.close(() => resolve()).closeAllConnections()),
		restart: () => listen(),
	};
	const listen = () =>
		new Promise<void>((resolve, reject) => {
			server = createServer(async (request, response) => {
				const body = await bodyOf(request);
				await new Promise((resolve) => setTimeout(resolve, cms.delayMs));
				if (request.method !== "POST" || request.url !== "/api/aide-insights/record") return void response.writeHead(404).end();
				if (cms.answer !== 204) {
					cms.refused++;
					return void response.writeHead(cms.answer).end("refused by the test");
				}
				cms.received.push({ token: request.headers.authorization?.replace(/^Bearer /, ""), batch: JSON.parse(body) as InsightBatch });
				response.writeHead(204).end();
			});
			server.once("error", reject);
			server.listen({ host: "127.0.0.1", port }, () => {
				port = (server.address() as AddressInfo).port;
				cms.url = `http://127.0.0.1:${port}`;
				resolve();
			});
		});
	await listen();
	return cms;
}

export interface Answer {
	status: number;
	headers: IncomingMessage["headers"];
	text: string;
}

/** POSTs `body` to `url` from the local address `from`, on a connection of its own. */
export function post(
	url: string,
	body: string | Buffer,
	headers: Record<string, string> = {},
	from = "127.0.0.1",
	method = "POST",
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const sent = httpRequest(
			url,
			{ method, localAddress: from, agent: false, headers: { "content-type": "application/json", ...headers } },
			(response) => {
				const chunks: Buffer[] = [];
				response.on("data", (chunk: Buffer) => chunks.push(chunk));
				response.once("end", () =>
					resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString("utf8") }),
				);
			},
		);
		sent.once("error", reject);
		sent.end(body);
	});
}

/** The JSON of one event. */
export const event = (fields: Record<string, unknown>) => JSON.stringify(fields);
