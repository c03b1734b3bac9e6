import { describe, expect, it } from "vitest";
import { checkPreviewLink, PREVIEW_LINK_LIFETIME_S, previewLink } from "../index.js";

const secret = "a-preview-secret-of-some-length";
const now = Date.parse("2026-11-27T12:00:00Z");
const link = (overrides: Partial<Parameters<typeof previewLink>[0]> = {}) =>
	new URL(
		previewLink({ baseUrl: "http://127.0.0.1:4322/", secret, locale: "en", documentId: "abc123", status: "draft", now, ...overrides }),
	);

describe("preview links", () => {
	it("name the document, locale and status, and check out with the same secret", () => {
		const url = link();
		expect(url.pathname).toBe("/preview/en/abc123/");
		expect(url.href).not.toContain(secret);
		expect(checkPreviewLink(url, secret, now)).toEqual({
			ok: true,
			target: { locale: "en", documentId: "abc123", status: "draft", expires: now / 1000 + PREVIEW_LINK_LIFETIME_S },
		});
	});

	it("are refused with another secret, or once changed", () => {
		expect(checkPreviewLink(link(), "another-secret-of-some-length", now)).toEqual({ ok: false, reason: "bad-signature" });
		const otherDocument = link();
		otherDocument.pathname = "/preview/en/zzz999/";
		expect(checkPreviewLink(otherDocument, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
		const published = link();
		published.searchParams.set("status", "published");
		expect(checkPreviewLink(published, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
		const unsigned = link();
		unsigned.searchParams.delete("signature");
		expect(checkPreviewLink(unsigned, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
	});

	it("expire", () => {
		expect(checkPreviewLink(link(), secret, now + (PREVIEW_LINK_LIFETIME_S + 1) * 1000)).toEqual({ ok: false, reason: "expired" });
	});

	it("refuse other paths and statuses", () => {
		expect(checkPreviewLink(new URL("http://x/preview/en/"), secret, now)).toEqual({ ok: false, reason: "malformed" });
		const modified = link();
		modified.searchParams.set("status", "modified");
		expect(checkPreviewLink(modified, secret, now)).toEqual({ ok: false, reason: "malformed" });
	});
});
