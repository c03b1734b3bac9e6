// Starting the site service of `npm start` on a first build, for the tests that talk to it (with a
// real CMS in site-service.test.ts, on a snapshot in the child process of serve-snapshot.ts).
import { type SiteService, type SiteServiceOptions, startSiteService } from "../../src/server/site-service.ts";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds; the error quotes `logs` (the service's log) to say what happened meanwhile. */
export async function until(check: () => Promise<boolean>, what: string, logs: readonly string[], timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}. Service log:\n${logs.join("\n")}`);
		await sleep(100);
	}
}

/** The environment a build gets under a test: the test's own, less what makes Astro or Vite act as under test. */
export function buildEnvOf(env: Record<string, string | undefined>): Record<string, string | undefined> {
	const { NODE_ENV: _test, VITEST: _vitest, ...inherited } = process.env;
	return { ...inherited, ...env };
}

/**
 * Starts the site service (the public site on a free port) and waits for its first build, which must
 * succeed. Its log lines go to `logs`, and to `log` if given.
 */
export async function startBuiltSiteService(
	options: Omit<SiteServiceOptions, "public" | "service"> & { servicePort?: number; logs: string[] },
): Promise<SiteService> {
	const { servicePort = 0, logs, log, ...rest } = options;
	const service = await startSiteService({
		...rest,
		public: { host: "127.0.0.1", port: 0 },
		service: { host: "127.0.0.1", port: servicePort },
		log: (message) => {
			logs.push(message);
			log?.(message);
		},
	});
	service.rebuilder.request("start");
	await service.rebuilder.idle();
	if (!service.reports[0]?.ok) {
		await service.close();
		throw new Error(`The first build failed:\n${logs.join("\n")}`);
	}
	return service;
}
