/** The header carrying AIDE_WEBHOOK_SECRET on the CMS's rebuild calls (and on GET /status). */
export declare const WEBHOOK_SECRET_HEADER: string;

export declare const PREVIEW_LINK_LIFETIME_S: number;

export type PreviewStatus = "draft" | "published";

export interface PreviewTarget {
	locale: string;
	documentId: string;
	status: PreviewStatus;
	/** Unix time, in seconds, after which the link stops working. */
	expires: number;
}

/** A signed link to the preview of one document in one locale and status. */
export declare function previewLink(options: {
	baseUrl: string;
	secret: string;
	locale: string;
	documentId: string;
	status: PreviewStatus;
	now?: number;
}): string;

/** Checks a preview link's path and signature (in constant time) and its expiry. */
export declare function checkPreviewLink(
	url: URL,
	secret: string,
	now?: number,
): { ok: true; target: PreviewTarget } | { ok: false; reason: "malformed" | "bad-signature" | "expired" };
