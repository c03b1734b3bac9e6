// A second start on the same data: nothing is created twice, and what was lost is put back.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request, startCms } from "@aide/testing";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "aide-restart-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("restarting the CMS", () => {
	it("generates a first admin password once, keeps the site token, and regenerates it when its file is deleted", async () => {
		const first = await startCms({ dataDir, env: { AIDE_ADMIN_EMAIL: undefined, AIDE_ADMIN_PASSWORD: undefined } });
		const credentialsFile = join(dataDir, "admin-credentials.txt");
		const credentials = readFileSync(credentialsFile, "utf8");
		const password = /password: (\S+)/.exec(credentials)?.[1] ?? "";
		// Where it is, not what it is: the CMS's output ends up in logs.
		expect(first.output()).toContain(`The password is kept in ${credentialsFile}, readable by you only: cat ${credentialsFile}`);
		expect(password).toMatch(/^[\w-]{24}aA1$/);
		expect(first.output()).not.toContain(password);
		expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
		await first.adminToken({ email: "admin@aide.localhost", password });
		const token = first.siteToken();
		await first.stop();

		const second = await startCms({ dataDir });
		expect(second.output()).not.toContain("The first admin of this CMS was created");
		expect(second.output()).not.toContain("Created the first admin");
		expect(second.siteToken()).toBe(token);
		expect((await request(`${second.url}/api/faq-entries`, { token })).status).toBe(200);
		await second.stop();

		// Deleting the file rotates the token, whatever else the folder holds or lost (SECURITY.md).
		rmSync(join(dataDir, "site-token"));
		rmSync(join(dataDir, "token-ids.json"), { force: true });
		const third = await startCms({ dataDir });
		expect(existsSync(join(dataDir, "site-token"))).toBe(true);
		expect(third.siteToken()).not.toBe(token);
		expect((await request(`${third.url}/api/faq-entries`, { token })).status).toBe(401);
		expect((await request(`${third.url}/api/faq-entries`, { token: third.siteToken() })).status).toBe(200);
		const admin = await third.adminToken({ email: "admin@aide.localhost", password });
		const tokens = await request(`${third.url}/admin/api-tokens`, { token: admin });
		expect(tokens.body.data.map((token: { name: string }) => token.name).sort()).toEqual([
			"Aide insights",
			"Aide preview",
			"Aide site build",
		]);
		await third.stop();
	}, 300_000);
});
