// The site settings as the loader hands them to the pages: blank texts count as unset (so the
// defaults show), and what is invalid stops the build with the field, the locale and what to do.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { accentWarning, contrastWithWhite } from "../src/accent-contrast.ts";
import { readSnapshotSettings, toSiteSettings, validateSettings } from "../src/index.ts";

const work = mkdtempSync(join(tmpdir(), "aide-settings-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const document = (fields: Record<string, unknown>) => ({ id: 1, documentId: "s1", locale: "en", updatedAt: "2026-12-02", ...fields });

describe("toSiteSettings", () => {
	it("reads blank texts as unset, and a contact label without an address as no contact line", () => {
		const settings = validateSettings("en", document({ name: "  ", tagline: "", contactLabel: "Write to us", contactUrl: null }));
		expect(toSiteSettings("en", settings)).toEqual({
			locale: "en",
			name: null,
			tagline: null,
			logo: null,
			accentColor: null,
			contact: null,
			footerLinks: [],
		});
	});

	it("keeps what is set, the logo as the site serves it included", () => {
		const settings = validateSettings(
			"fr",
			document({
				locale: "fr",
				name: " Aide ",
				contactUrl: "https://example.com/contact",
				contactLabel: null,
				logo: { id: 2, url: "/uploads/logo_1.png", mime: "image/png", width: 120, height: 40 },
				footerLinks: [{ id: 1, label: "Statut ", url: "https://status.example.com" }],
			}),
		);
		const logo = { src: "/media/logo_1-0123abcd.png", width: 120, height: 40, srcset: undefined, files: ["logo_1-0123abcd.png"] };
		expect(toSiteSettings("fr", settings, new Map([["/uploads/logo_1.png", logo]]))).toMatchObject({
			name: "Aide",
			contact: { url: "https://example.com/contact", label: null },
			logo,
			footerLinks: [{ label: "Statut", url: "https://status.example.com" }],
		});
	});

	it("gives empty settings to a locale that has none published", () => {
		expect(toSiteSettings("en", null)).toMatchObject({ name: null, contact: null, footerLinks: [] });
	});
});

describe("a snapshot's settings", () => {
	it("are validated as if they came from the CMS, the message naming the field, the locale and what to do", () => {
		const file = join(work, "snapshot.json");
		writeFileSync(
			file,
			JSON.stringify({ fetchedAt: "", locales: {}, settings: { en: document({ name: "Help", contactUrl: "javascript:alert(1)" }) } }),
		);
		expect(() => readSnapshotSettings(file)).toThrow(
			'Site settings s1 "Help" (en) has an invalid contactUrl (it is "javascript:alert(1)"): must be a web address starting with https:// or http://, or an e-mail address starting with mailto: (mailto:support@example.com), without spaces or quotes. Fix it in the CMS, then build again.',
		);
	});

	it("are none in a snapshot made before the settings existed", () => {
		const file = join(work, "old.json");
		writeFileSync(file, JSON.stringify({ fetchedAt: "", locales: {} }));
		expect(readSnapshotSettings(file)).toEqual({});
	});
});

describe("the main colour's contrast with the white page", () => {
	it("is WCAG's ratio, for every length of CSS hex", () => {
		expect(contrastWithWhite("#000")).toBeCloseTo(21, 5);
		expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
		expect(contrastWithWhite("#0b57a4")).toBeCloseTo(contrastWithWhite("#0b57a4ff"), 5);
		expect(contrastWithWhite("#777")).toBeCloseTo(4.48, 2);
	});

	it("warns of a colour too light for links, saying what to do", () => {
		expect(accentWarning("#0b57a4")).toBeUndefined();
		expect(accentWarning("#ffcc00")).toBe(
			"The main colour of the site settings, #ffcc00, has a contrast of 1.5:1 with the white page, below the 4.5:1 links need to be read (WCAG AA). Choose a darker colour in the CMS (Site settings).",
		);
	});
});
