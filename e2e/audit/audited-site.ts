// The site the audits (lighthouse.ts, screenshots.ts) look at: `npm start`'s own process on free
// loopback ports and a temporary folder (through @aide/testing's startPortal, as the e2e journeys
// run it), with the demo content and one answer that shows a screenshot in every locale: the image
// is uploaded into the CMS's media library and inserted as the Markdown editor does, then published,
// and the site rebuilds as it does for an editor.
import { mkdtempSync, rmSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";
import { ENTRY_UID } from "@aide/cms-contract";
import { localeCodes } from "@aide/locales";
import { type BuildManifest, liveBuild, readBuildManifest, removeSite } from "@aide/site-build";
import { ADMIN, publishEntry, request, sleep, startPortal, uploadImage } from "@aide/testing";
import { type AuditedPage, discoverPages } from "./discover-pages.ts";
import { samplePng } from "./sample-png.ts";

export interface AuditedSite {
	/** The public site, `http://127.0.0.1:<port>`. */
	baseUrl: string;
	/** Every locale's home, answer with an image, category page and search page, locale by locale. */
	pages: AuditedPage[];
	stop(): Promise<void>;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** The image's alternative text per locale; locales not listed get the English one. */
const ALT: Record<string, string> = { fr: "Écran des réglages du compte", en: "Account settings screen" };
const altText = (locale: string) => ALT[locale] ?? ALT.en ?? "";

/** The entry to give an image: the first, by its page in the first locale, that has a page in every locale. */
function entryInEveryLocale(manifest: BuildManifest): string {
	const [first = ""] = localeCodes;
	const candidates = Object.entries(manifest.entries)
		.filter(([, pages]) => localeCodes.every((locale) => pages[locale]))
		.sort(([, a], [, b]) => (a[first]?.page ?? "").localeCompare(b[first]?.page ?? ""));
	const [documentId] = candidates[0] ?? [];
	if (!documentId) throw new Error(`No entry of the demo content has a page in every locale (${localeCodes.join(", ")}).`);
	return documentId;
}

/** Adds `![alt](url)` at the end of the entry's answer in `locale` and publishes it, as an editor would in the admin. */
async function addImage(cmsUrl: string, token: string, documentId: string, locale: string, url: string): Promise<void> {
	const path = `${cmsUrl}/content-manager/collection-types/${ENTRY_UID}/${documentId}?locale=${locale}`;
	const current = await request(path, { token });
	const answer: unknown = current.body?.data?.answer;
	if (current.status !== 200 || typeof answer !== "string") {
		throw new Error(`Reading entry ${documentId} (${locale}) from the CMS failed: ${current.status} ${JSON.stringify(current.body)}`);
	}
	const updated = await request(path, { token, method: "PUT", body: { answer: `${answer}\n\n![${altText(locale)}](${url})\n` } });
	if (updated.status !== 200)
		throw new Error(`Saving entry ${documentId} (${locale}) failed: ${updated.status} ${JSON.stringify(updated.body)}`);
	const published = await publishEntry(cmsUrl, token, documentId, locale);
	if (published.status !== 200) {
		throw new Error(`Publishing entry ${documentId} (${locale}) failed: ${published.status} ${JSON.stringify(published.body)}`);
	}
}

/** Waits until the public page at `url` holds `text` (the rebuild after a publish is live). */
async function waitForText(url: string, text: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(url).catch(() => undefined);
		if (response?.ok && (await response.text()).includes(text)) return;
		if (Date.now() > deadline) throw new Error(`${url} did not show "${text}" within ${timeoutMs / 1000} s of publishing it.`);
		await sleep(250);
	}
}

/** Starts the portal, gives one answer an image in every locale, and finds the pages to audit. */
export async function startAuditedSite(log: (line: string) => void): Promise<AuditedSite> {
	const work = mkdtempSync(join(tmpdir(), "aide-audit-"));
	const dist = join(work, "dist");
	log("starting the portal with the demo content (a CMS on a temporary SQLite file, the first build)...");
	// As `npm start` runs it: the pages have the feedback widget, sending to the portal's own /aide/events.
	const portal = await startPortal(work);
	let stopped: Promise<void> | undefined;
	const stop = () => {
		stopped ??= (async () => {
			for (const signal of SIGNALS) process.off(signal, onSignal);
			if (portal.child.exitCode === null && portal.child.signalCode === null) {
				const exited = new Promise((resolve) => portal.child.once("exit", resolve));
				portal.child.kill("SIGINT");
				await exited;
			}
			removeSite(dist);
			rmSync(work, { recursive: true, force: true });
		})();
		return stopped;
	};
	// Stopped by a signal (npm test's SIGTERM, Ctrl-C), the portal must not outlive this process with its ports.
	const onSignal = (signal: NodeJS.Signals) => {
		void stop().finally(() => process.exit(128 + (constants.signals[signal] ?? 0)));
	};
	for (const signal of SIGNALS) process.once(signal, onSignal);
	try {
		await portal.waitFor("aide: the portal is ready", 10 * 60_000);
		const baseUrl = `http://127.0.0.1:${portal.ports.site}`;
		const cmsUrl = `http://127.0.0.1:${portal.ports.cms}`;
		const build = liveBuild(dist);
		const read = build ? readBuildManifest(build.buildDir) : { ok: false as const, reason: `nothing is live at ${dist}` };
		if (!read.ok) throw new Error(`The audits find their pages through the build manifest, and ${read.reason}.`);
		const documentId = entryInEveryLocale(read.manifest);

		const login = await request(`${cmsUrl}/admin/login`, { method: "POST", body: ADMIN });
		const token: unknown = login.body?.data?.token;
		if (typeof token !== "string") throw new Error(`Logging in to the CMS as ${ADMIN.email} failed: ${login.status}`);
		const { url } = await uploadImage(cmsUrl, token, { name: "account-settings.png", bytes: samplePng(), alternativeText: altText("en") });
		log(`uploaded ${url}; adding it to entry ${documentId} in ${localeCodes.join(", ")} and waiting for the rebuild...`);
		for (const locale of localeCodes) await addImage(cmsUrl, token, documentId, locale, url);
		for (const locale of localeCodes) {
			const page = read.manifest.entries[documentId]?.[locale]?.page ?? "";
			await waitForText(`${baseUrl}${page}`, `alt="${altText(locale)}"`, 3 * 60_000);
		}

		const pages: AuditedPage[] = [];
		for (const locale of localeCodes) {
			const home = await fetch(`${baseUrl}/${locale}/`);
			if (!home.ok) throw new Error(`The home /${locale}/ answered ${home.status}.`);
			pages.push(...discoverPages(locale, await home.text(), read.manifest, documentId));
		}
		return { baseUrl, pages, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
