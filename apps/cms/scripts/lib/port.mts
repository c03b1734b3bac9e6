import { createServer } from "node:net";

/** The port the CMS should listen on is taken or not allowed. */
export class PortError extends Error {
	override name = "PortError";
}

/** Resolves when `port` can be listened on at `host`; otherwise rejects with a message that says how to choose another. */
export function assertPortFree(host: string, port: number, command = "npm run cms"): Promise<void> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once("error", (error: NodeJS.ErrnoException) => {
			const reason =
				error.code === "EADDRINUSE"
					? `Port ${port} on ${host} is already in use (is the CMS already running?).`
					: `Cannot listen on ${host}:${port} (${error.code ?? error.message}).`;
			reject(new PortError(`${reason} Stop the program using it, or choose another port: CMS_PORT=${port + 1} ${command}`));
		});
		server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
	});
}
