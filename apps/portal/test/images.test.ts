// Images in answers, end to end through the site service of `npm start` and a real CMS: an editor
// uploads a PNG into the media library and puts it into an answer; the draft preview shows it from the
// service (not from the public site); publishing puts it on the site at once (the one-entry fast
// path) and in the full rebuild, as the site's own /media/ file with a name hashed from its bytes,
// its size and a srcset of Strapi's smaller versions; an image the library cannot send fails the
// build, saying which entry, locale and image and what to do, and readers keep the previous site.
// The site settings' logo is brought in the same way, shown in the header, and fails the build when
// the CMS cannot send it.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SETTINGS_UID } from "@aide/cms-contract";
import { liveBuild, removeSite } from "@aide/site-build";
import { createEntryDraft, freePort, pngImage, publishEntry, type RunningCms, request, startCms, uploadImage } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SiteService } from "../src/server/site-service.ts";
import { buildEnvOf, startBuiltSiteService, until as untilLogged } from "./support/site-service.ts";

const work = mkdtempSync(join(tmpdir(), "aide-images-"));
const logs: string[] = [];
let cms: RunningCms;
let service: SiteService;
let admin: string;
let entry: { documentId: string; question: string; slug: string; answer: string };

const until = (check: () => Promise<boolean>, what: string) => untilLogged(check, what, logs);
const page = async (path: string) => (await fetch(`${service.publicUrl}${path}`)).text();
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
/** The first <img> of a page's answer, and its attributes. */
function imageIn(html: string): Record<string, string> {
	const tag = /<img [^>]*>/.exec(html)?.[0];
	if (!tag) throw new Error(`no <img> in the page:\n${html}`);
	return Object.fromEntries([...tag.matchAll(/([a-z]+)="([^"]*)"/g)].map(([, name, value]) => [name, value] as [string, string]));
}
/** Saves the English entry's answer as a draft. */
const saveAnswer = async (answer: string) =>
	expect(
		(await createEntryDraft(cms.url, admin, { question: entry.question, slug: entry.slug, answer }, "en", entry.documentId)).status,
	).toBe(200);

/** Publishes the entry and waits for the rebuild that follows to end; returns its report. */
async function publishAndRebuild() {
	const reports = service.reports.length;
	expect((await publishEntry(cms.url, admin, entry.documentId, "en")).status).toBe(200);
	await until(async () => service.reports.length > reports && !service.rebuilder.busy, "the rebuild ends");
	await service.rebuilder.idle();
	return service.reports.at(-1);
}

beforeAll(async () => {
	const servicePort = await freePort();
	cms = await startCms({ demo: true, env: { AIDE_SITE_SERVICE_URL: `http://127.0.0.1:${servicePort}` } });
	admin = await cms.adminToken();
	const secrets = cms.sharedSecrets();
	service = await startBuiltSiteService({
		dist: join(work, "dist"),
		servicePort,
		webhookSecret: secrets.webhook,
		previewSecret: secrets.preview,
		cmsOrigin: cms.url,
		buildEnv: buildEnvOf({ CMS_URL: cms.url, AIDE_DATA_DIR: cms.dataDir }),
		logs,
	});
	const { body } = await request(`${cms.url}/api/faq-entries?locale=en&filters[anchor][$eq]=change-password`, { token: cms.siteToken() });
	entry = body.data[0];
});

afterAll(async () => {
	await service?.close();
	await cms?.stop();
	removeSite(join(work, "dist"));
	rmSync(work, { recursive: true, force: true });
});

describe("an image in an answer", () => {
	let src = "";
	/** The file as the CMS serves it (the upload plugin may have optimised what was uploaded). */
	let png: Buffer;

	it("shows in the draft's preview, served by the site service and not by the public site", async () => {
		const image = await uploadImage(cms.url, admin, { name: "settings-screen.png", bytes: pngImage(1200, 800) });
		png = await bytesOf(await fetch(`${cms.url}${image.url}`));
		expect(Object.keys(image.formats ?? {}).sort()).toEqual(["large", "medium", "small", "thumbnail"]);
		// As the admin's editor inserts it: prefixed with the address the admin is opened at.
		await saveAnswer(`${entry.answer}\n\n![The settings screen](${cms.url}${image.url})`);

		const { body } = await request(
			`${cms.url}/content-manager/preview/url/api::faq-entry.faq-entry?documentId=${entry.documentId}&locale=en&status=draft`,
			{ token: admin },
		);
		const preview = await fetch(body.data.url);
		expect(preview.status).toBe(200);
		const shown = imageIn(await preview.text());
		src = shown.src ?? "";
		// The site's own copy, named by a hash of its bytes: new bytes, new name.
		const hash = createHash("sha256").update(png).digest("hex").slice(0, 8);
		expect(src).toMatch(new RegExp(`^/media/settings_screen_[a-z0-9]+-${hash}\\.png$`));
		expect(shown).toMatchObject({
			alt: "The settings screen",
			width: "1200",
			height: "800",
			loading: "lazy",
			decoding: "async",
			sizes: "(min-width: 48rem) 46rem, calc(100vw - 2rem)",
		});
		const widths = (shown.srcset ?? "").split(", ").map((candidate) => candidate.split(" ")[1]);
		expect(widths).toEqual(["234w", "500w", "750w", "1000w", "1200w"]);
		expect(shown.srcset).toContain(`${src} 1200w`);

		const fromService = await fetch(`${service.serviceUrl}${src}`);
		expect(fromService.status).toBe(200);
		expect(fromService.headers.get("content-type")).toBe("image/png");
		expect(await bytesOf(fromService)).toEqual(png);
		// A draft's image is not on the public site.
		expect((await fetch(`${service.publicUrl}${src}`)).status).toBe(404);
	});

	it("is on the site once published, at once (the one-entry fast path) and after the full rebuild, every version answering 200", async () => {
		service.rebuilder.pause();
		try {
			expect((await publishEntry(cms.url, admin, entry.documentId, "en")).status).toBe(200);
			await until(async () => (await page(`/en/faq/${entry.slug}/`)).includes(src), "the fast path puts the page with its image live");
			const fromSite = await fetch(`${service.publicUrl}${src}`);
			expect(fromSite.status).toBe(200);
			expect(await bytesOf(fromSite)).toEqual(png);
		} finally {
			service.rebuilder.resume();
		}
		await service.rebuilder.idle();
		expect(service.reports.at(-1)?.ok).toBe(true);
		const built = imageIn(await page(`/en/faq/${entry.slug}/`));
		expect(built.src).toBe(src);
		for (const candidate of (built.srcset ?? "").split(", ").map((item) => item.split(" ")[0])) {
			const response = await fetch(`${service.publicUrl}${candidate}`);
			expect(response.status, candidate).toBe(200);
			expect(response.headers.get("content-type"), candidate).toBe("image/png");
		}
	});

	it("that the media library does not hold, or that is no image, fails the build, saying which and what to do; readers keep the site", async () => {
		const before = await page(`/en/faq/${entry.slug}/`);
		await saveAnswer(`${entry.answer}\n\n![Gone](/uploads/gone_0123.png)`);
		const missing = await publishAndRebuild();
		expect(missing?.ok).toBe(false);
		expect(missing?.error).toContain(
			`The answer of entry ${entry.documentId} "${entry.question}" (en) shows the image "/uploads/gone_0123.png", which the CMS's media library does not hold (it was deleted, or the path was typed by hand). Upload it again in the media library and insert it into the answer, or remove it from the answer; then publish again.`,
		);
		expect(await page(`/en/faq/${entry.slug}/`)).toBe(before);
		expect((await fetch(`${service.publicUrl}${src}`)).status).toBe(200);

		const notes = await uploadImage(cms.url, admin, { name: "notes.txt", bytes: Buffer.from("Not an image.\n"), type: "text/plain" });
		await saveAnswer(`${entry.answer}\n\n![Notes](${notes.url})`);
		const notImage = await publishAndRebuild();
		expect(notImage?.ok).toBe(false);
		expect(notImage?.error).toContain(
			`(en) shows the image "${notes.url}", which is a text/plain file in the media library, not a PNG, JPEG, GIF, WebP or AVIF image. Upload it again`,
		);
		expect(await page(`/en/faq/${entry.slug}/`)).toBe(before);
	});
});

describe("the site settings' logo", () => {
	const settings = () => `${cms.url}/content-manager/single-types/${SETTINGS_UID}`;
	const name = "Example Help";
	let logo: Awaited<ReturnType<typeof uploadImage>>;
	let src = "";

	/** Publishes the English settings and waits for the rebuild that follows to end; returns its report. */
	async function publishSettings() {
		const reports = service.reports.length;
		expect((await request(`${settings()}/actions/publish?locale=en`, { token: admin, method: "POST", body: {} })).status).toBe(200);
		await until(async () => service.reports.length > reports && !service.rebuilder.busy, "the rebuild ends");
		await service.rebuilder.idle();
		return service.reports.at(-1);
	}

	it("is in the header of every page, as the site's own /media/ file with its size and the help center's name", async () => {
		// The answer the tests above broke, published as it was: the site builds again.
		await saveAnswer(entry.answer);
		expect((await publishAndRebuild())?.ok).toBe(true);

		logo = await uploadImage(cms.url, admin, { name: "brand-logo.png", bytes: pngImage(600, 150, [200, 30, 60]) });
		const saved = await request(`${settings()}?locale=en`, { token: admin, method: "PUT", body: { name, logo: logo.id } });
		expect(saved.status).toBe(200);
		const report = await publishSettings();
		expect(report?.ok, report?.error).toBe(true);

		const header = /<a class="brand"[^>]*>([\s\S]*?)<\/a>/.exec(await page("/en/"))?.[1] ?? "";
		const shown = imageIn(header);
		src = shown.src ?? "";
		const bytes = await bytesOf(await fetch(`${cms.url}${logo.url}`));
		const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
		expect(src).toMatch(new RegExp(`^/media/brand_logo_[a-z0-9]+-${hash}\\.png$`));
		expect(shown).toMatchObject({ alt: name, width: "600", height: "150", sizes: "8rem" });
		expect((shown.srcset ?? "").split(", ").map((candidate) => candidate.split(" ")[1])).toEqual(["245w", "500w", "600w"]);
		expect(await page(`/en/faq/${entry.slug}/`)).toContain(`src="${src}"`);

		const live = liveBuild(join(work, "dist"));
		for (const candidate of (shown.srcset ?? "").split(", ").map((item) => item.split(" ")[0] ?? "")) {
			expect(existsSync(join(live?.staticDir ?? "", candidate)), candidate).toBe(true);
			const response = await fetch(`${service.publicUrl}${candidate}`);
			expect(response.status, candidate).toBe(200);
			expect(response.headers.get("content-type"), candidate).toBe("image/png");
		}
		expect(await bytesOf(await fetch(`${service.publicUrl}${src}`))).toEqual(bytes);
	});

	it("that the CMS cannot send fails the build, naming the field and what to do; readers keep the site", async () => {
		const before = await page("/en/");
		rmSync(join(cms.dataDir, "public", logo.url));
		const report = await publishSettings();
		expect(report?.ok).toBe(false);
		expect(report?.error).toMatch(
			new RegExp(
				`The site settings [^ ]+ "${name}" \\([a-z, ]+\\) show the logo "${logo.url}" \\(field "logo"\\), which the CMS at [^ ]+ could not send \\(GET ${logo.url} [^)]*404[^)]*\\)\\. Choose the logo again from the media library in the CMS's site settings \\(or remove it\\), then publish the settings again\\.`,
			),
		);
		expect(await page("/en/")).toBe(before);
		expect((await fetch(`${service.publicUrl}${src}`)).status).toBe(200);
	});
});
