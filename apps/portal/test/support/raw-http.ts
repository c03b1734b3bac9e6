// HTTP as an attacker sends it: bytes written to a socket, not what fetch or node:http let through
// (NUL and spaces in paths, broken request lines, lying Content-Length...).
import { connect } from "node:net";

export interface RawAnswer {
	/** The status of the answer, if one came. */
	status: number | undefined;
	/** The answer's status line and headers. */
	head: string;
	body: Buffer;
	/** False when the server neither answered nor closed the connection in time. */
	settled: boolean;
}

/** Writes `bytes` to the server at `url` (its host and port), half-closes, and reads until the server closes. */
export function rawRequest(url: string, bytes: Buffer | string, timeoutMs = 5_000): Promise<RawAnswer> {
	const { hostname, port } = new URL(url);
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		const socket = connect({ host: hostname, port: Number(port) });
		const done = (settled: boolean) => {
			clearTimeout(timer);
			socket.destroy();
			const all = Buffer.concat(chunks);
			const split = all.indexOf("\r\n\r\n");
			const head = (split === -1 ? all : all.subarray(0, split)).toString("latin1");
			const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
			resolve({
				status: status ? Number(status) : undefined,
				head,
				body: split === -1 ? Buffer.alloc(0) : all.subarray(split + 4),
				settled,
			});
		};
		const timer = setTimeout(() => done(false), timeoutMs);
		socket.on("data", (chunk: Buffer) => chunks.push(chunk));
		// A server that closes before reading all we send (431, 400) resets the connection: that is an answer too.
		socket.on("error", () => done(true));
		socket.on("close", () => done(true));
		socket.end(bytes);
	});
}

/** A request's bytes: `method target HTTP/1.1`, Host, the headers, Connection: close, and the body with its length. */
export function requestBytes(method: string, target: string, headers: ReadonlyArray<readonly [string, string]>, body = ""): Buffer {
	const lines = [`${method} ${target} HTTP/1.1`, "Host: 127.0.0.1", ...headers.map(([name, value]) => `${name}: ${value}`)];
	if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
	lines.push("Connection: close");
	return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}`, "latin1");
}
