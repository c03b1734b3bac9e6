// What the CMS and the site service of `npm start` agree on.
//
// The rebuild calls: the CMS sends AIDE_WEBHOOK_SECRET in this header; the service compares it in constant time.
export const WEBHOOK_SECRET_HEADER = "x-aide-webhook-secret";

// Draft-preview links. The CMS (Strapi's preview button) makes them; the site's preview route checks
// them. A link names one document in one locale and status, expires, and carries an HMAC of all of
// it made with AIDE_PREVIEW_SECRET, so the secret itself never appears in a URL, a log or a Referer.
//
// Plain JavaScript so that the compiled CMS and the site load the same file.
import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a link works: long enough to keep a preview open while editing. */
export const PREVIEW_LINK_LIFETIME_S = 60 * 60;

/** @param {string} secret @param {string} payload */
function sign(secret, payload) {
	return createHmac("sha256", secret).update(payload).digest("base64url");
}

/** @param {{ locale: string, documentId: string, status: string, expires: number }} target */
function payloadOf({ locale, documentId, status, expires }) {
	return [locale, documentId, status, expires].join("\n");
}

/** @type {import("./index.d.ts").previewLink} */
export function previewLink({ baseUrl, secret, locale, documentId, status, now = Date.now() }) {
	const expires = Math.floor(now / 1000) + PREVIEW_LINK_LIFETIME_S;
	const signature = sign(secret, payloadOf({ locale, documentId, status, expires }));
	const params = new URLSearchParams({ status, expires: String(expires), signature });
	return `${baseUrl.replace(/\/+$/, "")}/preview/${encodeURIComponent(locale)}/${encodeURIComponent(documentId)}/?${params}`;
}

/** @type {import("./index.d.ts").checkPreviewLink} */
export function checkPreviewLink(url, secret, now = Date.now()) {
	const match = /^\/preview\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
	const status = url.searchParams.get("status");
	const expires = Number(url.searchParams.get("expires"));
	const given = Buffer.from(url.searchParams.get("signature") ?? "");
	if (!match || (status !== "draft" && status !== "published") || !Number.isInteger(expires)) return { ok: false, reason: "malformed" };
	const target = { locale: decodeURIComponent(match[1] ?? ""), documentId: decodeURIComponent(match[2] ?? ""), status, expires };
	const expected = Buffer.from(sign(secret, payloadOf(target)));
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad-signature" };
	if (expires * 1000 < now) return { ok: false, reason: "expired" };
	return { ok: true, target };
}
