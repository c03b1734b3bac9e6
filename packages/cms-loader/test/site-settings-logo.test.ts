// What the build does with the site settings' logo before a CMS answers: settings without a logo ask
// the CMS nothing; a logo that is no media-library file, or a CMS that cannot be read (a build from a
// snapshot reads the logo from the CMS too), stops the build naming the field and what to do. The logo
// read from a real CMS and shown in the header is tested with the site service (apps/portal/test/images.test.ts).
import { describe, expect, it } from "vitest";
import { localiseLogos, validateSettings } from "../src/index.ts";

const settings = (logo: unknown, locale = "en") =>
	validateSettings(locale, { id: 1, documentId: "settings1", locale, name: "Example Help", updatedAt: "2026-12-02", logo });
const logo = (url: string) => ({ id: 2, url, mime: "image/png", width: 600, height: 150 });

const options = {
	cmsUrl: "http://127.0.0.1:9",
	token: () => {
		throw new Error("the CMS was asked");
	},
	store: "/nonexistent",
};

describe("localiseLogos", () => {
	it("asks the CMS nothing when no settings show a logo", async () => {
		expect(await localiseLogos({ en: settings(null), fr: null }, options)).toEqual(new Map());
	});

	it("refuses a logo that is not a file of the media library, naming the field and what to do", async () => {
		await expect(
			localiseLogos({ en: settings(logo("https://cdn.example.org/logo.png")) }, { ...options, token: () => "t" }),
		).rejects.toThrow(
			'The site settings settings1 "Example Help" (en) show the logo "https://cdn.example.org/logo.png" (field "logo"), which is not a file of the CMS\'s media library (/uploads/…). Choose the logo again from the media library in the CMS\'s site settings (or remove it), then publish the settings again.',
		);
	});

	it("says the logo needs the CMS when the CMS cannot be read (a build from a snapshot reads it from the CMS too)", async () => {
		const documents = { en: settings(logo("/uploads/logo_1.png")), fr: settings(logo("/uploads/logo_1.png"), "fr") };
		await expect(localiseLogos(documents, { ...options, token: () => "t" })).rejects.toThrow(
			/^The site settings settings1 "Example Help" \(en, fr\) show the logo "\/uploads\/logo_1\.png" \(field "logo"\), an image of the CMS's media library, which must be read from the CMS, also when the content comes from a snapshot\. Cannot read the CMS at 127\.0\.0\.1:9: .+ Check that the CMS runs and that CMS_URL points at it\.$/,
		);
	}, 20_000);
});
