// Before the journeys: `npm start`'s own process (apps/portal/src/start.ts, through @aide/testing's startPortal) runs the whole portal
// (the CMS with the demo content, the first build, the public site and the site service) on free
// loopback ports and temporary folders, and a "Support editor" is invited into the CMS. The tests
// learn the addresses from E2E_BASE_URL (the site), E2E_CMS_URL and E2E_EDITOR, and the insights token
// (to record reader insights as the portal does) from E2E_INSIGHTS_TOKEN.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dataFiles } from "@aide/config";
import { removeSite } from "@aide/site-build";
import { startPortal } from "@aide/testing";
import { inviteEditor } from "./admin-api.ts";

export const EDITOR = { email: "editor@aide.test", password: "Editor-pass-2026" };

export default async function globalSetup(): Promise<() => Promise<void>> {
	const work = mkdtempSync(join(tmpdir(), "aide-e2e-"));
	// A run at 03:00 must not take a backup in the middle of the journeys (startPortal turns it off).
	// The pages send reader insights to the portal's own /aide/events, as `npm start` builds them; the
	// portal flushes them into the CMS every second rather than every 10, for the editors' journeys to see them.
	const portal = await startPortal(work, { env: { AIDE_INSIGHTS_FLUSH_SECONDS: "1" } });
	await portal.waitFor("aide: the portal is ready", 10 * 60_000);
	const cmsUrl = `http://127.0.0.1:${portal.ports.cms}`;
	await inviteEditor(cmsUrl, { ...EDITOR, firstname: "Sam" });
	process.env.E2E_BASE_URL = `http://127.0.0.1:${portal.ports.site}`;
	process.env.E2E_CMS_URL = cmsUrl;
	process.env.E2E_EDITOR = JSON.stringify(EDITOR);
	process.env.E2E_INSIGHTS_TOKEN = readFileSync(dataFiles(join(work, "data")).tokens.insights, "utf8").trim();
	return async () => {
		const exited = new Promise((resolve) => portal.child.once("exit", resolve));
		portal.child.kill("SIGINT");
		await exited;
		removeSite(join(work, "dist"));
		rmSync(work, { recursive: true, force: true });
	};
}
