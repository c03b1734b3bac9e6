// A site service that cannot start (a port in use) leaves nothing behind: the render process it
// starts ahead of the first build goes with it, so a failed `npm start` holds no memory or process.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeProcess, processTree, running } from "@aide/testing";
import { afterAll, expect, it } from "vitest";
import { startSiteService } from "../src/server/site-service.ts";
import { buildEnvOf, sleep } from "./support/site-service.ts";

const work = mkdtempSync(join(tmpdir(), "aide-service-start-"));
let busy: Server | undefined;
afterAll(() => {
	busy?.close();
	rmSync(work, { recursive: true, force: true });
});

const renderProcesses = () => processTree(process.pid).filter((pid) => running(pid) && describeProcess(pid).includes("build-workers"));

it("stops its render process when its port is in use", async () => {
	busy = createServer();
	await new Promise<void>((resolve) => busy?.listen({ host: "127.0.0.1", port: 0 }, resolve));
	const address = busy.address();
	const port = typeof address === "object" && address ? address.port : 0;
	const before = renderProcesses();
	await expect(
		startSiteService({
			dist: join(work, "dist"),
			public: { host: "127.0.0.1", port },
			service: { host: "127.0.0.1", port: 0 },
			webhookSecret: "a-webhook-secret-for-this-test",
			previewSecret: "a-preview-secret-for-this-test",
			cmsOrigin: "http://127.0.0.1:1",
			buildEnv: buildEnvOf({}),
			log: () => undefined,
		}),
	).rejects.toThrow(`The site cannot listen on 127.0.0.1:${port}: the port is in use.`);
	const deadline = Date.now() + 5_000;
	let left = renderProcesses().filter((pid) => !before.includes(pid));
	while (left.length > 0 && Date.now() < deadline) {
		await sleep(100);
		left = renderProcesses().filter((pid) => !before.includes(pid));
	}
	expect(left.map(describeProcess)).toEqual([]);
});
