// `npm run preview`: serves the built site (apps/site/dist, or AIDE_SITE_OUT_DIR) on
// http://127.0.0.1:4321 (HOST / PORT override), with the security headers a production host should
// send. `npm start` serves it the same way, and rebuilds it when the CMS publishes.
import { createServer, type Server } from "node:http";
import { guarded } from "../server/guard.ts";
import { SECURITY_HEADERS, setHeaders, staticSite } from "../server/static-site.ts";
import { distPath } from "./lib/builds.ts";

/** Starts a static server for `dir`; resolves once it listens. */
export async function serveSite(dir: string, { host = "127.0.0.1", port = 4321 } = {}): Promise<Server> {
	const log = (message: string) => console.error(`aide: ${message}`);
	const site = staticSite(dir, log);
	const server = createServer(
		guarded(
			"The site",
			(request, response) => {
				setHeaders(response, SECURITY_HEADERS);
				site(request, response);
			},
			log,
		),
	);
	await new Promise<void>((done, fail) => {
		server.once("error", fail);
		server.listen({ host, port }, done);
	});
	return server;
}

if (import.meta.main) {
	const dir = distPath();
	const host = process.env.HOST?.trim() || "127.0.0.1";
	const port = Number(process.env.PORT?.trim() || 4321);
	await serveSite(dir, { host, port });
	console.log(`aide: serving ${dir} at http://${host}:${port}/ (Ctrl-C stops it)`);
}
