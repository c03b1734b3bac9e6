// A flood of reader events at a portal's POST /aide/events, for `npm run load`: many readers (one
// local address each: 127.0.0.0/8 is all this machine's) sending valid and invalid events, and one
// address sending as fast as it can. Counts the answers by status until stopped.
// Run as a process of its own (`node event-flood.ts <events URL> <readers> <seconds>`, prints the
// counts as JSON), so that its work is not counted in the latency of the reads measured meanwhile.
import { Agent, request } from "node:http";

export interface FloodCounts {
	/** Answers per status (204 accepted, 429 throttled, 400 / 403 / 413 refused). */
	statuses: Record<string, number>;
	errors: number;
}

const valid = (n: number) => JSON.stringify({ type: "search", locale: n % 2 ? "en" : "fr", query: `question ${n % 500}`, results: n % 3 });
// What a forger or a broken page sends: not JSON, another schema, too big, another origin.
const invalid: Array<{ body: string; headers: Record<string, string> }> = [
	{ body: "{not json", headers: {} },
	{ body: JSON.stringify({ type: "search", locale: "xx", query: "a", results: 1 }), headers: {} },
	{ body: JSON.stringify({ type: "search", locale: "en", query: "a".repeat(3_000), results: 1 }), headers: {} },
	{ body: valid(1), headers: { origin: "https://evil.example" } },
];

function send(url: URL, agent: Agent, body: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const sent = request(url, { method: "POST", agent, headers: { "content-type": "application/json", ...headers } }, (response) => {
			response.resume();
			response.once("end", () => resolve(response.statusCode ?? 0));
		});
		sent.once("error", reject);
		sent.end(body);
	});
}

/**
 * Floods `eventsUrl` until `stop` resolves: `readers` addresses each sending one event after another
 * (one in four invalid), and one address sending `oneAddressConnections` at a time.
 */
export async function floodEvents(
	eventsUrl: string,
	options: { readers: number; oneAddressConnections: number; stop: Promise<void> },
): Promise<FloodCounts> {
	const url = new URL(eventsUrl);
	const counts: FloodCounts = { statuses: {}, errors: 0 };
	let running = true;
	void options.stop.then(() => {
		running = false;
	});
	const loop = async (agent: Agent) => {
		for (let n = 0; running; n++) {
			const bad = n % 4 === 3 ? invalid[Math.floor(n / 4) % invalid.length] : undefined;
			try {
				const status = await send(url, agent, bad?.body ?? valid(n), bad?.headers ?? {});
				counts.statuses[status] = (counts.statuses[status] ?? 0) + 1;
			} catch {
				counts.errors++;
			}
		}
		agent.destroy();
	};
	const loops = [
		...Array.from({ length: options.readers }, (_, n) => {
			const address = `127.0.${10 + Math.floor(n / 250)}.${1 + (n % 250)}`;
			return loop(new Agent({ keepAlive: true, localAddress: address }));
		}),
		...Array.from({ length: options.oneAddressConnections }, () => loop(new Agent({ keepAlive: true, localAddress: "127.0.9.1" }))),
	];
	await Promise.all(loops);
	return counts;
}

if (import.meta.main) {
	const [url, readers, seconds] = process.argv.slice(2);
	if (!url || !readers || !seconds) {
		console.error("usage: node event-flood.ts <events URL> <readers> <seconds>");
		process.exit(2);
	}
	const stop = new Promise<void>((resolve) => setTimeout(resolve, Number(seconds) * 1000));
	const counts = await floodEvents(url, { readers: Number(readers), oneAddressConnections: 10, stop });
	process.stdout.write(`${JSON.stringify(counts)}\n`);
}
