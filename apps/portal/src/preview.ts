// `npm run preview`: serves the built site (apps/site/dist, or AIDE_SITE_OUT_DIR) on
// http://127.0.0.1:4321 (HOST / PORT override), with the security headers a production host should
// send. `npm start` serves it the same way, and rebuilds it when the CMS publishes.
import { createServer, type Server } from "node:http";
import { ConfigError } from "@aide/config";
import { guarded } from "./server/guard.ts";
import { SECURITY_HEADERS, setHeaders, staticSite } from "./server/static-site.ts";
import { readSiteSettings } from "./settings.ts";

/** Starts a static server for `dir`; resolves once it listens. */
export async function serveSite(dir: string, { host, port }: { host: string; port: number }): Promise<Server> {
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
	let settings: ReturnType<typeof readSiteSettings>;
	try {
		settings = readSiteSettings(process.env);
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		console.error(`\naide: the site is not served. ${error.message}`);
		process.exit(1);
	}
	const { dist, site } = settings;
	await serveSite(dist, site);
	console.log(`aide: serving ${dist} at http://${site.host}:${site.port}/ (Ctrl-C stops it)`);
}
