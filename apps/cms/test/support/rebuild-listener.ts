// A stand-in for the site service's POST /rebuild, on 127.0.0.1: it records each call (the event,
// the entry, whether the secret header was right) and answers 202 as the service does.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WEBHOOK_SECRET_HEADER } from "@aide/site-link";

export interface RebuildCall {
	path: string;
	secretOk: boolean;
	event: string;
	uid: string | undefined;
	documentId: string | undefined;
}

export async function startRebuildListener(secret: string): Promise<{ url: string; calls: RebuildCall[]; close(): Promise<void> }> {
	const calls: RebuildCall[] = [];
	const server = createServer((request, response) => {
		let body = "";
		request.on("data", (chunk) => {
			body += chunk;
		});
		request.on("end", () => {
			const parsed = JSON.parse(body || "{}") as { event?: string; uid?: string; entry?: { documentId?: string } };
			calls.push({
				path: request.url ?? "",
				secretOk: request.headers[WEBHOOK_SECRET_HEADER] === secret,
				event: parsed.event ?? "",
				uid: parsed.uid,
				documentId: parsed.entry?.documentId,
			});
			response.writeHead(202, { "content-type": "application/json" }).end('{"rebuild":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		calls,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
