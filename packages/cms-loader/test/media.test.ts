// What the build does with answers' images before it asks the CMS anything: answers without images
// cost nothing, and an image from outside the media library is left out, with a warning naming the entry. Images
// from the library, read from a real CMS, are tested with the site service (apps/portal/test/images.test.ts).
import { describe, expect, it } from "vitest";
import { localiseMedia } from "../src/index.ts";
import type { SiteEntry } from "../src/site-model.ts";

const entry = (html: string): SiteEntry => ({
	documentId: "doc1",
	locale: "en",
	slug: "settings",
	question: "Where are the settings?",
	summary: null,
	keywords: null,
	anchor: "settings",
	permalinkId: "settings",
	order: 1,
	category: null,
	translations: {},
	related: [],
	updatedAt: "2026-11-01T00:00:00.000Z",
	outdated: false,
	html,
	headings: [],
	media: [],
});

const options = {
	cmsUrl: "http://127.0.0.1:9",
	token: () => {
		throw new Error("the CMS was asked");
	},
	store: "/nonexistent",
};

describe("localiseMedia", () => {
	it("leaves answers without images as they are, and asks the CMS nothing", async () => {
		const entries = [entry("<p>No image here.</p>")];
		expect(await localiseMedia(entries, options)).toEqual(entries);
	});

	it("leaves out an image from outside the media library, with a warning naming the entry, the locale and the image", async () => {
		const warnings: string[] = [];
		const [kept] = await localiseMedia(
			[entry('<p>Before <img src="https://example.org/shot.png" alt="Shot"> <img src="x" alt=""> <img alt="none"> after.</p>')],
			{ ...options, warn: (message) => warnings.push(message) },
		);
		expect(kept?.html).toBe("<p>Before    after.</p>");
		expect(kept?.media).toEqual([]);
		expect(warnings).toEqual([
			'The answer of entry doc1 "Where are the settings?" (en) shows the image "https://example.org/shot.png", which is not in the CMS\'s media library: it was left out of the page (the site shows only its own copies of the library\'s images). Upload it in the media library and insert it from there, or remove it from the answer.',
			expect.stringContaining('shows the image "x", which is not in the CMS\'s media library'),
			expect.stringContaining('shows the image "", which is not in the CMS\'s media library'),
		]);
	});

	it("says which image needs the CMS when the CMS cannot be read (a build from a snapshot reads images from it too)", async () => {
		await expect(localiseMedia([entry('<p><img src="/uploads/shot_1.png" alt=""></p>')], { ...options, token: () => "t" })).rejects.toThrow(
			/^The answers show 1 image of the CMS's media library \(\/uploads\/shot_1\.png in entry doc1 "Where are the settings\?" \(en\)\), which must be read from the CMS, also when the content comes from a snapshot\. Cannot read the CMS at 127\.0\.0\.1:9: GET \/api\/upload\/files\?.+ failed 5 times \(last: [^)]+\)\. Check that the CMS runs and that CMS_URL points at it\.$/,
		);
	}, 20_000);
});
