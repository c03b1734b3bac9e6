// `npm start` (src/start.ts) when a part of it stops: a CMS that is killed is started again and
// publishing works after; a CMS that cannot start is given up on, once, with the site still served;
// and the portal, however it is stopped (SIGKILL included), leaves no process running and no port held.
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CMS_READY_PREFIX } from "@aide/cms-contract";
import { removeSite } from "@aide/site-build";
import {
	ADMIN,
	createEntryDraft,
	describeProcess,
	type Portal,
	portHeld,
	processTree,
	publishEntry,
	request,
	running,
	sleep,
	startPortal,
} from "@aide/testing";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-portal-stops-"));
const portals: Portal[] = [];
/** Every process seen in a portal's tree: one that outlives its portal is no longer in the tree, and is killed after the tests. */
const seen = new Set<number>();
const tree = (portal: Portal) => {
	const pids = processTree(portal.child.pid ?? 0);
	for (const pid of pids) seen.add(pid);
	return pids;
};

async function readyPortal(): Promise<Portal> {
	const portal = await startPortal(work);
	portals.push(portal);
	await portal.waitFor("aide: the portal is ready", 240_000);
	return portal;
}

afterAll(() => {
	for (const portal of portals) tree(portal);
	// Only what still runs this checkout's Node: a pid that was freed may have been reused since.
	for (const pid of seen) {
		if (!describeProcess(pid).includes(repoRoot)) continue;
		try {
			process.kill(pid, "SIGKILL");
		} catch {
			// gone
		}
	}
	removeSite(join(work, "dist"));
	rmSync(work, { recursive: true, force: true });
});

const exitCode = async (portal: Portal) => portal.child.exitCode ?? (await once(portal.child, "exit"))[0];
const siteStatus = async (portal: Portal, path = "/fr/") => (await fetch(`http://127.0.0.1:${portal.ports.site}${path}`)).status;

/** Waits until none of `pids` runs and no port of the portal is held (measured: half a second after SIGKILL). */
async function allGone(portal: Portal, pids: number[], timeoutMs = 5_000): Promise<number> {
	const started = Date.now();
	for (;;) {
		const left = pids.filter(running);
		const held = [];
		for (const [name, port] of Object.entries(portal.ports)) if (await portHeld(port)) held.push(`${name} ${port}`);
		if (left.length === 0 && held.length === 0) return Date.now() - started;
		if (Date.now() - started > timeoutMs)
			throw new Error(
				`After ${timeoutMs / 1000} s, still running: ${left.map(describeProcess).join("; ") || "nothing"}; ports held: ${held.join(", ") || "none"}.`,
			);
		await sleep(250);
	}
}

describe("npm start when its CMS stops", () => {
	let portal: Portal;

	it("restarts a killed CMS, saying why and when, keeps the site served, and publishes again after", async () => {
		portal = await readyPortal();
		tree(portal);
		const cms = portal.cmsPid();
		expect(cms).toBeDefined();
		const from = portal.output().length;
		process.kill(cms as number, "SIGKILL");
		await portal.waitFor(
			/aide: the CMS stopped \(SIGKILL\) after \d+ (s|min) up; its output above says why\. Restarting it in 1 s \(restart 1\)\. The site is still served from the last good build\./,
			10_000,
			from,
		);
		expect(await siteStatus(portal)).toBe(200);
		await portal.waitFor("aide: the CMS is back (restart 1); rebuilding the site from it.", 120_000, from);
		await portal.waitFor(/aide: rebuild #\d+ \(the CMS restarted\) is live/, 60_000, from);
		expect(portal.cmsPid()).not.toBe(cms);
		const cmsUrl = `http://127.0.0.1:${portal.ports.cms}`;
		expect((await fetch(`${cmsUrl}/_health`)).status).toBe(204);

		// A publish in the restarted CMS reaches the site: its webhook, the site service and a build.
		const { body } = await request(`${cmsUrl}/api/faq-entries?locale=en&filters[anchor][$eq]=change-password`, {
			token: portal.siteToken(),
		});
		const entry = body.data[0] as { documentId: string; question: string; slug: string; answer: string };
		const login = await request(`${cmsUrl}/admin/login`, { method: "POST", body: ADMIN });
		const admin = login.body.data.token as string;
		const marker = `Published after the restart, ${Date.now()}`;
		const saved = await createEntryDraft(
			cmsUrl,
			admin,
			{ question: entry.question, slug: entry.slug, answer: `${marker}\n\n${entry.answer}` },
			"en",
			entry.documentId,
		);
		expect(saved.status).toBe(200);
		expect((await publishEntry(cmsUrl, admin, entry.documentId, "en")).status).toBe(200);
		await portal.waitFor(/aide: rebuild #\d+ \(entry\.publish api::faq-entry\.faq-entry.*\) is live/, 60_000, from);
		expect(await (await fetch(`http://127.0.0.1:${portal.ports.site}/en/faq/${entry.slug}/`)).text()).toContain(marker);
	});

	it("gives up, once and saying so, on a CMS that cannot start again, and keeps the site served", async () => {
		tree(portal);
		const cms = portal.cmsPid();
		expect(cms).toBeDefined();
		const from = portal.output().length;
		process.kill(cms as number, "SIGKILL");
		// Its port is taken as soon as it is free: every restart fails, as with a port in use or a bad setting.
		let busy: Server | undefined;
		while (!busy) {
			const server = createServer();
			busy = await new Promise<Server | undefined>((resolve) => {
				server.once("error", () => resolve(undefined));
				server.listen({ host: "127.0.0.1", port: portal.ports.cms, exclusive: true }, () => resolve(server));
			});
			if (!busy) await sleep(20);
		}
		try {
			await portal.waitFor(/it is not restarted again/, 120_000, from);
			const log = portal.output().slice(from);
			expect(log).toContain(`aide: the CMS did not start. Port ${portal.ports.cms} on 127.0.0.1 is already in use`);
			expect(log).toMatch(
				/aide: the CMS stopped \(exit 1\) before it was ready: 5 stops in a row, each less than 60 s after a start, so it is not restarted again\. Its output above says why: fix that and run npm start again\. The site is still served from the last good build\./,
			);
			// Each pause twice the one before.
			const pauses = [...log.matchAll(/Restarting it in (\d+) s/g)].map((match) => Number(match[1]));
			expect(pauses.length).toBeGreaterThanOrEqual(3);
			for (const [i, pause] of pauses.entries()) if (i > 0) expect(pause).toBe(2 * (pauses[i - 1] as number));
			await sleep(3_000);
			expect(
				portal
					.output()
					.slice(from)
					.match(/it is not restarted again/g),
			).toHaveLength(1);
			expect(portal.cmsPid()).toBeUndefined();
			expect(await siteStatus(portal)).toBe(200);
		} finally {
			busy.close();
		}
		const exited = new Promise((resolve) => portal.child.once("exit", resolve));
		portal.child.kill("SIGINT");
		expect(await exited).toBe(0);
	});
});

describe("npm start leaves nothing running when it stops", () => {
	it("when it is killed with SIGKILL: the CMS and the build processes stop, and every port is free", async () => {
		const portal = await readyPortal();
		const pids = tree(portal);
		// The portal, the CMS, and the render process the site service keeps ready.
		expect(pids.length).toBeGreaterThanOrEqual(3);
		expect(pids).toContain(portal.cmsPid());
		portal.child.kill("SIGKILL");
		await allGone(portal, pids);
	});

	/** Starts a portal and waits until its CMS process runs (it is then some seconds from ready). */
	async function portalWithCmsStarting(nodeArgs: string[] = [], entryPoint = false, ownGroup = false): Promise<Portal> {
		const portal = await startPortal(work, { nodeArgs, entryPoint, ownGroup });
		portals.push(portal);
		const deadline = Date.now() + 60_000;
		while (portal.cmsPid() === undefined) {
			if (Date.now() > deadline) throw new Error(`The CMS did not start within 60 s:\n${portal.output()}`);
			await sleep(50);
		}
		return portal;
	}

	for (const signal of ["SIGTERM", "SIGHUP"] as const) {
		it(`when it gets ${signal} while the CMS is starting: the CMS stops too, and every port is free`, async () => {
			const portal = await portalWithCmsStarting();
			const pids = tree(portal);
			portal.child.kill(signal);
			await allGone(portal, pids);
			// Nothing started after the signal either.
			expect(portal.output()).not.toContain(CMS_READY_PREFIX);
			expect(await exitCode(portal)).toBe(0);
		});
	}

	it("when npm start's entry point (scripts/aide.mjs) gets SIGTERM: it passes it on, and every process and port is gone", async () => {
		const portal = await portalWithCmsStarting([], true);
		const pids = tree(portal);
		portal.child.kill("SIGTERM");
		await allGone(portal, pids);
		expect(await exitCode(portal)).toBe(0);
	});

	it("when what ran its entry point dies without passing a signal on (npm does so on SIGTERM): it stops too", async () => {
		const portal = await startPortal(work, { entryPoint: true, underParent: true });
		portals.push(portal);
		await portal.waitFor(CMS_READY_PREFIX, 240_000);
		const pids = tree(portal);
		portal.child.kill("SIGKILL");
		await allGone(portal, pids, 15_000);
	});

	for (const signal of ["SIGTERM", "SIGHUP"] as const) {
		it(`when its whole process group gets ${signal} (a service manager, a closed terminal): it stops once, in order`, async () => {
			const portal = await portalWithCmsStarting([], true, true);
			const pids = tree(portal);
			process.kill(-(portal.child.pid ?? 0), signal);
			await allGone(portal, pids);
			expect(portal.output()).toContain("aide: stopped.");
			expect(await exitCode(portal)).toBe(0);
		});
	}

	it("when an error nothing catches stops it: it says so, exits 1, and the CMS stops too", async () => {
		const crash = fileURLToPath(new URL("./fixtures/crash-on-sigusr2.ts", import.meta.url));
		const portal = await portalWithCmsStarting(["--import", crash]);
		const pids = tree(portal);
		portal.child.kill("SIGUSR2");
		await allGone(portal, pids);
		expect(portal.output()).toContain("aide: the portal failed: Error: a bug in the portal, made by the test");
		expect(portal.output()).toContain("aide: stopped.");
		expect(await exitCode(portal)).toBe(1);
	});
});
