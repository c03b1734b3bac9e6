// The public server as a production host (src/server/static-site.ts), on a real server on loopback
// over a small site whose copies @aide/site-build's own precompressSite wrote: each Accept-Encoding
// gets the right form and headers, the cache lifetime fits the kind of file, conditional requests
// get 304, HEAD has GET's headers, and a Range is a range of the file itself.
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { precompressSite } from "@aide/site-build";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guarded } from "../src/server/guard.ts";
import { SECURITY_HEADERS, setHeaders, staticSite } from "../src/server/static-site.ts";

const site = mkdtempSync(join(tmpdir(), "aide-static-site-"));
const words = (count: number) => Array.from({ length: count }, (_, n) => `mot${n % 40} réponse`).join(" ");
const files: Record<string, string | Buffer> = {
	"fr/index.html": `<!doctype html><html lang="fr"><body><main>${words(400)}</main></body></html>`,
	"fr/404/index.html": `<!doctype html><html lang="fr"><body>Page introuvable</body></html>`,
	"fr/small/index.html": `<!doctype html><html lang="fr"><body>court</body></html>`,
	"_astro/site.Ab12Cd34.css": `.a { margin: 0 } ${".b { color: black } ".repeat(200)}`,
	"media/screenshot.1a2b3c4d.png": Buffer.alloc(3000, 7),
	"pagefind/pagefind.js": `export const search = ${JSON.stringify(words(200))};`,
	"pagefind/pagefind-entry.json": JSON.stringify({ version: "1.6.0", languages: { fr: { hash: "fr_92383b2f33", wasm: "fr" } } }),
	"pagefind/pagefind.fr_92383b2f33.pf_meta": Buffer.alloc(200, 1),
	"pagefind/fragment/fr_7c42ac8.pf_fragment": Buffer.alloc(2000, 2),
	"pagefind/index/fr_66ff122.pf_index": Buffer.alloc(2000, 3),
	"pagefind/wasm.fr.pagefind": Buffer.alloc(2000, 4),
	"robots.txt": `User-agent: *\n${"Allow: /\n".repeat(200)}`,
	"search.js": "document.title = 'search';",
	"theme.css": ":root { --aide-accent: #0b57a4; }",
	"sitemap.xml": "<urlset></urlset>",
	".secret": "not for readers",
};
const page = Buffer.from(files["fr/index.html"] as string);
let server: Server;
let base = "";

beforeAll(async () => {
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(join(site, name, ".."), { recursive: true });
		writeFileSync(join(site, name), content);
	}
	await precompressSite(site);
	const serve = staticSite(site);
	server = createServer(
		guarded(
			"The site",
			(req, res) => {
				setHeaders(res, SECURITY_HEADERS);
				serve(req, res);
			},
			() => undefined,
		),
	);
	await new Promise<void>((resolve) => server.listen({ host: "127.0.0.1", port: 0 }, resolve));
	const address = server.address();
	base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	rmSync(site, { recursive: true, force: true });
});

/** One request with node:http, which (unlike fetch) neither adds Accept-Encoding nor decompresses. */
function get(
	path: string,
	headers: Record<string, string> = {},
	method = "GET",
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const req = request(`${base}${path}`, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on("data", (chunk: Buffer) => chunks.push(chunk));
			res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on("error", reject);
		});
		req.on("error", reject);
		req.end();
	});
}

/** The body as it was before compression, by the answer's Content-Encoding. */
function decoded({ headers, body }: { headers: IncomingHttpHeaders; body: Buffer }): Buffer {
	if (headers["content-encoding"] === "br") return brotliDecompressSync(body);
	if (headers["content-encoding"] === "gzip") return gunzipSync(body);
	return body;
}

describe("Accept-Encoding", () => {
	it.each([
		["br", "br"],
		["gzip", "gzip"],
		["gzip, deflate, br, zstd", "br"],
		["br;q=0, gzip", "gzip"],
		["gzip;q=1, br;q=0.5", "gzip"],
		["br;q=0.8, gzip;q=0.8", "br"],
		["BR", "br"],
		["x-gzip", "gzip"],
		["*", "br"],
		["*;q=0, gzip", "gzip"],
		["identity", undefined],
		["identity;q=1, br;q=0.5", undefined],
		["identity;q=0", undefined],
		["br;q=0, gzip;q=0", undefined],
		["br;q=2", undefined],
		["deflate", undefined],
		["", undefined],
		[undefined, undefined],
	])("%j gets the page with Content-Encoding %s, its type, length and Vary", async (acceptEncoding, encoding) => {
		const answer = await get("/fr/", acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding });
		expect(answer.status).toBe(200);
		expect(answer.headers["content-encoding"]).toBe(encoding);
		expect(decoded(answer)).toEqual(page);
		expect(answer.headers["content-length"]).toBe(String(answer.body.length));
		expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
		expect(answer.headers.vary).toBe("Accept-Encoding");
		expect(answer.headers["content-security-policy"]).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
		if (encoding) expect(answer.body.length).toBeLessThan(page.length / 4);
	});

	it("sends a file without copies (under 1 KB, or not text) as it is, without Vary", async () => {
		for (const path of ["/fr/small/", "/media/screenshot.1a2b3c4d.png", "/pagefind/fragment/fr_7c42ac8.pf_fragment"]) {
			const answer = await get(path, { "accept-encoding": "br, gzip" });
			expect(answer.status, path).toBe(200);
			expect(answer.headers["content-encoding"], path).toBeUndefined();
			expect(answer.headers.vary, path).toBeUndefined();
		}
		expect((await get("/media/screenshot.1a2b3c4d.png")).headers["content-type"]).toBe("image/png");
		expect((await get("/pagefind/fragment/fr_7c42ac8.pf_fragment")).headers["content-type"]).toBe("application/octet-stream");
	});

	it("sends the headers a document reads with what a browser can show as a page or run, and only nosniff with what a page reads", async () => {
		const documents = ["/fr/", "/search.js", "/pagefind/pagefind.js", "/robots.txt", "/sitemap.xml"];
		const read = ["/pagefind/fragment/fr_7c42ac8.pf_fragment", "/pagefind/index/fr_66ff122.pf_index", "/pagefind/wasm.fr.pagefind"];
		for (const path of [...documents, ...read, "/theme.css", "/media/screenshot.1a2b3c4d.png", "/pagefind/pagefind-entry.json"]) {
			const answer = await get(path, { "accept-encoding": "br" });
			expect(answer.status, path).toBe(200);
			expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
			const expected = documents.includes(path)
				? [SECURITY_HEADERS["Content-Security-Policy"], "DENY", "strict-origin-when-cross-origin"]
				: [undefined, undefined, undefined];
			expect(
				["content-security-policy", "x-frame-options", "referrer-policy"].map((name) => answer.headers[name]),
				path,
			).toEqual(expected);
		}
		// A 304 too.
		const fragment = await get("/pagefind/fragment/fr_7c42ac8.pf_fragment");
		const again = await get("/pagefind/fragment/fr_7c42ac8.pf_fragment", { "if-none-match": fragment.headers.etag ?? "" });
		expect(again.status).toBe(304);
		expect(again.headers["content-security-policy"]).toBeUndefined();
		// The 404 page is a page.
		expect((await get("/fr/nowhere/")).headers["content-security-policy"]).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
	});

	it("does not serve a compressed copy as a file of its own, nor a dotfile", async () => {
		for (const path of ["/fr/index.html.br", "/fr/index.html.gz", "/.secret"]) {
			const answer = await get(path);
			expect(answer.status, path).toBe(404);
			expect(answer.headers["cache-control"], path).toBe("no-cache");
		}
		const missing = await get("/fr/nowhere/");
		expect(missing.body.toString()).toContain("Page introuvable");
		// A page, not a download.
		expect(missing.headers["content-type"]).toBe("text/html; charset=utf-8");
	});
});

describe("Cache-Control", () => {
	it.each([
		["/_astro/site.Ab12Cd34.css", "public, max-age=31536000, immutable"],
		["/media/screenshot.1a2b3c4d.png", "public, max-age=31536000, immutable"],
		["/pagefind/pagefind.fr_92383b2f33.pf_meta", "public, max-age=31536000, immutable"],
		["/pagefind/fragment/fr_7c42ac8.pf_fragment", "public, max-age=31536000, immutable"],
		["/pagefind/index/fr_66ff122.pf_index", "public, max-age=31536000, immutable"],
		["/fr/", "no-cache"],
		["/fr/small/index.html", "no-cache"],
		["/pagefind/pagefind.js", "no-cache"],
		["/pagefind/pagefind-entry.json", "no-cache"],
		["/pagefind/wasm.fr.pagefind", "no-cache"],
		// The site's own scripts and stylesheets keep their names from build to build: a cached old one
		// would run against the new pages (or show the old colour), so they are checked on every use too.
		["/search.js", "no-cache"],
		["/theme.css", "no-cache"],
		["/sitemap.xml", "no-cache"],
		["/robots.txt", "public, max-age=300"],
	])("of %s is %s, whatever the form sent", async (path, cacheControl) => {
		for (const acceptEncoding of ["br", "gzip", "identity"]) {
			const answer = await get(path, { "accept-encoding": acceptEncoding });
			expect(answer.status).toBe(200);
			expect(answer.headers["cache-control"]).toBe(cacheControl);
		}
	});
});

describe("conditional requests", () => {
	it("give each form its own strong ETag, and 304 to the one a browser holds", async () => {
		const forms = await Promise.all(["br", "gzip", "identity"].map((encoding) => get("/fr/", { "accept-encoding": encoding })));
		const etags = forms.map((answer) => answer.headers.etag ?? "");
		expect(new Set(etags).size).toBe(3);
		for (const etag of etags) expect(etag).toMatch(/^"[^"]+"$/);
		const [br = "", gzip = "", identity = ""] = etags;

		for (const ifNoneMatch of [br, `W/${br}`, `"other", ${br}`, "*"]) {
			const answer = await get("/fr/", { "accept-encoding": "br", "if-none-match": ifNoneMatch });
			expect(answer.status, ifNoneMatch).toBe(304);
			expect(answer.body.length).toBe(0);
			expect(answer.headers).toMatchObject({ etag: br, "cache-control": "no-cache", vary: "Accept-Encoding" });
			expect(answer.headers["content-security-policy"]).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
		}
		// The ETag of another form does not match: the browser gets the form it now asks for.
		const other = await get("/fr/", { "accept-encoding": "gzip", "if-none-match": br });
		expect(other.status).toBe(200);
		expect(other.headers.etag).toBe(gzip);
		expect((await get("/fr/", { "if-none-match": identity })).status).toBe(304);
		expect((await get("/fr/", { "if-none-match": `"nothing", W/"0-0", garbage` })).status).toBe(200);
	});

	it("answer If-Modified-Since by the file's time, unless If-None-Match is there", async () => {
		const file = join(site, "robots.txt");
		utimesSync(file, new Date("2026-11-01T10:00:00.500Z"), new Date("2026-11-01T10:00:00.500Z"));
		const since = (date: string, more: Record<string, string> = {}) => get("/robots.txt", { "if-modified-since": date, ...more });
		expect((await get("/robots.txt")).headers["last-modified"]).toBe("Sun, 01 Nov 2026 10:00:00 GMT");
		expect((await since("Sun, 01 Nov 2026 10:00:00 GMT")).status).toBe(304);
		expect((await since("Mon, 02 Nov 2026 10:00:00 GMT")).status).toBe(304);
		expect((await since("Sun, 01 Nov 2026 09:59:59 GMT")).status).toBe(200);
		expect((await since("not a date")).status).toBe(200);
		expect((await since("Mon, 02 Nov 2026 10:00:00 GMT", { "if-none-match": '"other"' })).status).toBe(200);
		expect(statSync(file).mtimeMs % 1000).toBe(500);
	});
});

describe("HEAD", () => {
	it("has GET's status and headers, and no body", async () => {
		for (const acceptEncoding of ["br", "identity"]) {
			const [head, full] = await Promise.all(["HEAD", "GET"].map((method) => get("/fr/", { "accept-encoding": acceptEncoding }, method)));
			expect(head?.status).toBe(200);
			expect(head?.body.length).toBe(0);
			const { date: _headDate, ...headHeaders } = head?.headers ?? {};
			const { date: _getDate, ...getHeaders } = full?.headers ?? {};
			expect(headHeaders).toEqual(getHeaders);
		}
	});
});

describe("Range", () => {
	it("is a range of the page itself, whatever Accept-Encoding asks for", async () => {
		const answer = await get("/fr/", { "accept-encoding": "br, gzip", range: "bytes=0-99" });
		expect(answer.status).toBe(206);
		expect(answer.headers["content-encoding"]).toBeUndefined();
		expect(answer.headers["content-range"]).toBe(`bytes 0-99/${page.length}`);
		expect(answer.body).toEqual(page.subarray(0, 100));
		expect(answer.headers.etag).toBe((await get("/fr/")).headers.etag);
		const beyond = await get("/fr/", { "accept-encoding": "br", range: `bytes=${page.length}-` });
		expect(beyond.status).toBe(416);
		expect(beyond.headers["content-range"]).toBe(`bytes */${page.length}`);
		expect((await get("/fr/", { range: "bytes=0-0" })).body).toEqual(page.subarray(0, 1));
	});
});
