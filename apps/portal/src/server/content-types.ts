// The Content-Type of each kind of file a built site holds (Astro's pages and assets, Pagefind's
// index, the images answers show), named by extension. Text is UTF-8 throughout the build. A file
// of a kind not listed goes out as bytes (Pagefind's `.pf_*` and `.pagefind` files, which its
// script reads as such).
import { extname } from "node:path";

const utf8 = (type: string) => `${type}; charset=utf-8`;

const TYPES: Readonly<Record<string, string>> = {
	".html": utf8("text/html"),
	".css": utf8("text/css"),
	".js": utf8("text/javascript"),
	".mjs": utf8("text/javascript"),
	".json": utf8("application/json"),
	".map": utf8("application/json"),
	".webmanifest": utf8("application/manifest+json"),
	".xml": utf8("text/xml"),
	".txt": utf8("text/plain"),
	".svg": "image/svg+xml",
	".png": "image/png",
	".jpg": "image/jpeg",
	".jpeg": "image/jpeg",
	".gif": "image/gif",
	".webp": "image/webp",
	".avif": "image/avif",
	".ico": "image/x-icon",
	".woff": "font/woff",
	".woff2": "font/woff2",
	".wasm": "application/wasm",
	".pdf": "application/pdf",
};

/** The Content-Type of the file `name` (its uncompressed form). */
export function contentType(name: string): string {
	return TYPES[extname(name).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Whether a browser can show a file of the Content-Type `type` as a page of its own or run it as a
 * worker (HTML, SVG, XML, PDF, plain text, scripts): the kinds the headers that govern a document or
 * worker (Content-Security-Policy, X-Frame-Options, Referrer-Policy) apply to. The rest (Pagefind's
 * index files, raster images, fonts, stylesheets, JSON, WebAssembly) is read by a page, never shown as one.
 */
export function showsAsDocument(type: string): boolean {
	return /^(?:text\/(?!css)|image\/svg|application\/pdf)/.test(type);
}
