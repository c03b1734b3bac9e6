// A small static file server on loopback, for the Hugo site of `--compare hugo`. It serves a file's
// precompressed copy (`.br`, else `.gz`, written by site-build's precompressSite) when the browser
// accepts it, as the portal serves Aide's site, so that the search bytes of the two stacks compare
// like for like; Pagefind's own index files are compressed already and go as they are.
import { access, readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { COPY_SUFFIX } from "@aide/site-build";

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".json": "application/json",
	".xml": "application/xml",
	".wasm": "application/wasm",
};

/** The copy of `file` to send for this Accept-Encoding, Brotli first: its path and coding, or the file itself. */
async function pick(file: string, accepted: string): Promise<{ path: string; coding?: string }> {
	for (const [coding, suffix] of Object.entries(COPY_SUFFIX)) {
		if (!new RegExp(`\\b${coding}\\b`).test(accepted)) continue;
		const copy = `${file}${suffix}`;
		if (
			await access(copy).then(
				() => true,
				() => false,
			)
		)
			return { path: copy, coding };
	}
	return { path: file };
}

/** Serves `root` on 127.0.0.1 on a free port; `/x/` serves `/x/index.html`. */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
	const server = createServer(async (request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
		const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
		if (!file.startsWith(root + sep)) return response.writeHead(403).end();
		try {
			if (!(await stat(file)).isFile()) return response.writeHead(404).end();
			const { path: sent, coding } = await pick(file, String(request.headers["accept-encoding"] ?? ""));
			const body = await readFile(sent);
			response.writeHead(200, {
				"content-type": TYPES[extname(file)] ?? "application/octet-stream",
				vary: "accept-encoding",
				...(coding ? { "content-encoding": coding } : {}),
			});
			response.end(body);
		} catch {
			response.writeHead(404).end();
		}
	});
	await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((closed) => {
				server.closeAllConnections();
				server.close(() => closed());
			}),
	};
}
