// Before the journeys: support/prepare-site.ts builds the site from a real CMS's snapshot, then the
// site's own preview server serves it on a free loopback port. E2E_BASE_URL tells the tests where.
// Both run as separate Node processes, as they would for a person.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer().once("error", reject);
		server.listen({ host: "127.0.0.1", port: 0 }, () => {
			const address = server.address();
			server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
		});
	});
}

function waitFor(child: ChildProcess, text: string): Promise<void> {
	return new Promise((resolve, reject) => {
		let output = "";
		child.stdout?.on("data", (chunk) => {
			output += chunk;
			if (output.includes(text)) resolve();
		});
		child.once("exit", (code) => reject(new Error(`The preview server exited (${code}):\n${output}`)));
	});
}

export default async function globalSetup(): Promise<() => Promise<void>> {
	const work = mkdtempSync(join(tmpdir(), "aide-e2e-"));
	const { NODE_ENV: _env, ...env } = process.env;
	const prepared = spawnSync(
		process.execPath,
		["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", join(root, "e2e/support/prepare-site.ts"), work],
		{
			stdio: "inherit",
			env,
		},
	);
	if (prepared.status !== 0) throw new Error(`Preparing the site failed (exit ${prepared.status}).`);

	const port = await freePort();
	const server = spawn(process.execPath, [join(root, "apps/site/scripts/preview.ts")], {
		env: { ...env, AIDE_SITE_OUT_DIR: join(work, "dist"), HOST: "127.0.0.1", PORT: String(port) },
		stdio: ["ignore", "pipe", "inherit"],
	});
	await waitFor(server, "aide: serving");
	process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
	return async () => {
		server.kill("SIGTERM");
		rmSync(work, { recursive: true, force: true });
	};
}
