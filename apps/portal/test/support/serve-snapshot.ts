// A site service in a process of its own, built from a synthetic snapshot (no CMS), for tests that
// must see whether a request can stop the process: `node serve-snapshot.ts <work dir>` with
// AIDE_WEBHOOK_SECRET and AIDE_PREVIEW_SECRET set. Once the first build is live it prints one line,
// `ready {"publicUrl":…,"serviceUrl":…}`; every line of the service's log follows as `log <line>`.
// SIGTERM stops it.
import { join } from "node:path";
import { writeSyntheticSnapshot } from "@aide/testing";
import { buildEnvOf, startBuiltSiteService } from "./site-service.ts";

const [work] = process.argv.slice(2);
const { AIDE_WEBHOOK_SECRET: webhookSecret, AIDE_PREVIEW_SECRET: previewSecret } = process.env;
if (!work || !webhookSecret || !previewSecret) {
	console.error("usage: AIDE_WEBHOOK_SECRET=… AIDE_PREVIEW_SECRET=… node serve-snapshot.ts <work dir>");
	process.exit(2);
}
const snapshot = join(work, "snapshot.json");
writeSyntheticSnapshot(snapshot, 4);
const print = (line: string) => process.stdout.write(`${line}\n`);
const service = await startBuiltSiteService({
	dist: join(work, "dist"),
	webhookSecret,
	previewSecret,
	cmsOrigin: "http://127.0.0.1:1",
	buildEnv: buildEnvOf({ AIDE_SNAPSHOT: snapshot }),
	// Reader insights on, towards a CMS that is not there: the sink keeps failing, the events route serves on.
	insights: {
		cmsUrl: "http://127.0.0.1:1",
		tokenFile: join(work, "insights-token"),
		flushSeconds: 1,
		siteOrigin: "http://127.0.0.1",
		// The fuzz run's events get past the rate limit to the schema, mostly.
		rateLimit: { burst: 1_000, perSecond: 10, maxClients: 100 },
	},
	logs: [],
	log: (message) => print(`log ${message}`),
});
print(`ready ${JSON.stringify({ publicUrl: service.publicUrl, serviceUrl: service.serviceUrl })}`);
process.once("SIGTERM", () => void service.close().then(() => process.exit(0)));
