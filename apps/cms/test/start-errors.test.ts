// What a person sees when `npm run cms` cannot start: one line, naming the problem and the fix.

import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, runServe } from "@aide/testing";
import { afterEach, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = () => {
	const dir = mkdtempSync(join(tmpdir(), "aide-start-"));
	dirs.push(dir);
	return dir;
};

/** The lines the launcher printed about the failure (Strapi never got to print anything). */
const failureLines = (output: string) => output.split("\n").filter((line) => line.startsWith("aide: the CMS did not start."));

describe("npm run cms refuses to start", () => {
	it("with a placeholder secret, naming it", async () => {
		const { code, output } = await runServe({ AIDE_DATA_DIR: dataDir(), JWT_SECRET: "tobemodified", CMS_PORT: String(await freePort()) });
		expect(code).toBe(1);
		expect(failureLines(output)).toHaveLength(1);
		expect(failureLines(output)[0]).toContain('JWT_SECRET holds the placeholder "tobemodified"');
	});

	it("with a malformed DATABASE_URL, in one line naming the variable", async () => {
		const { code, output } = await runServe({ AIDE_DATA_DIR: dataDir(), DATABASE_URL: "postgres//db", CMS_PORT: String(await freePort()) });
		expect(code).toBe(1);
		expect(failureLines(output)).toEqual([expect.stringContaining("DATABASE_URL is not a valid URL.")]);
	});

	it("when the port is taken, saying which and how to choose another", async () => {
		const port = await freePort();
		const server: Server = createServer();
		await new Promise<void>((resolve) => server.listen({ host: "127.0.0.1", port }, resolve));
		try {
			const { code, output } = await runServe({ AIDE_DATA_DIR: dataDir(), CMS_HOST: "127.0.0.1", CMS_PORT: String(port) });
			expect(code).toBe(1);
			expect(failureLines(output)).toEqual([
				`aide: the CMS did not start. Port ${port} on 127.0.0.1 is already in use (is the CMS already running?). Stop the program using it, or choose another port: CMS_PORT=${port + 1} npm run cms`,
			]);
		} finally {
			server.close();
		}
	});
});
