// What the fuzz run of hostile-requests.test.ts sends: requests built from the pieces that broke or
// could break an HTTP server (paths with %, .., //, NUL; Range, If-None-Match, Accept-Encoding junk;
// odd methods and bodies), and raw bytes that are not HTTP at all. fast-check draws them from a seed.

import { WEBHOOK_SECRET_HEADER } from "@aide/site-link";
import fc from "fast-check";
import { requestBytes } from "./raw-http.ts";

const known = [
	"/",
	"/en/",
	"/fr/",
	"/en/faq/en-question-1/",
	"/rebuild",
	"/status",
	"/preview/en/doc1/",
	"/internal/en/entry/",
	"/internal/en/permalink/",
	"/q/q1/",
	"/pagefind/pagefind.js",
	"/404.html",
	"/favicon.svg",
	"/aide/events",
	"/aide/events",
];
const pieces = ["%", "%E0%A4%A", "%ZZ", "%00", "%2e%2e", "%2F", "..", ".", "//", "\\", "\0", ";", "?", "#", "&id=", "\u00e9", "~", " "];

const segment = fc.oneof(
	fc.constantFrom(...pieces),
	fc.stringMatching(/^[a-z0-9.%-]{0,12}$/),
	fc.string({ maxLength: 8, unit: "binary-ascii" }),
);
const target = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.tuple(fc.constantFrom(...known), fc.array(segment, { maxLength: 6 })).map(([base, more]) => base + more.join("")),
	},
	{ weight: 2, arbitrary: fc.array(segment, { minLength: 1, maxLength: 10 }).map((parts) => `/${parts.join("/")}`) },
	{ weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((length) => `/${"a/..".repeat(length / 4)}`) },
	{ weight: 1, arbitrary: fc.constantFrom("*", "//", "http://evil.example/rebuild", "\\\\", "", "/?", "/#") },
);
const method = fc.oneof(
	fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "PROPFIND", "M-SEARCH", "get", "CONNECT"),
	fc.stringMatching(/^[A-Z]{1,10}$/),
);
const position = fc.oneof(fc.nat(5_000), fc.constantFrom("18446744073709551615", "9007199254740993", "-1", "", "1e3", "0x10", " 5"));
const range = fc.oneof(
	fc.tuple(position, position).map(([from, to]) => `bytes=${from}-${to}`),
	fc
		.array(fc.tuple(position, position), { minLength: 2, maxLength: 5 })
		.map((ranges) => `bytes=${ranges.map(([a, b]) => `${a}-${b}`).join(",")}`),
	fc.constantFrom(
		"bytes=-0",
		"bytes=0-18446744073709551615",
		"bytes=10-5",
		"bytes=",
		"bytes",
		"items=0-5",
		"BYTES=0-3",
		"bytes=--",
		"bytes=0-1,,",
	),
	fc.string({ maxLength: 30 }),
);
const junk = fc.string({ maxLength: 40, unit: "binary-ascii" }).map((text) => text.replace(/[\r\n]/g, ""));
const header = fc.oneof(
	range.map((value) => ["Range", value] as const),
	fc.oneof(junk, fc.constantFrom('W/"0-0"', "*", '"x", W/"y"')).map((value) => ["If-None-Match", value] as const),
	fc.oneof(junk, fc.constantFrom("gzip, br", "br;q=2", "*", "identity;q=0")).map((value) => ["Accept-Encoding", value] as const),
	fc.oneof(junk, fc.constant("Sat, 01 Jan 2000 00:00:00 GMT")).map((value) => ["If-Range", value] as const),
	fc.oneof(junk, fc.constant("wrong")).map((value) => [WEBHOOK_SECRET_HEADER, value] as const),
	fc.oneof(junk, fc.constantFrom("application/json", "text/plain;charset=UTF-8")).map((value) => ["Content-Type", value] as const),
	fc.oneof(junk, fc.constantFrom("null", "http://127.0.0.1", "https://evil.example")).map((value) => ["Origin", value] as const),
	fc.constantFrom(["DNT", "1"] as const, ["Sec-GPC", "1"] as const, ["Sec-Fetch-Site", "cross-site"] as const),
	fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), junk),
);
// Reader events (POST /aide/events), whole or with a field bent out of shape.
const field = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.integer(),
	fc.boolean(),
	fc.constant(null),
	fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }),
);
const insightEvent = fc
	.record(
		{
			type: fc.oneof(fc.constantFrom("search", "open", "feedback"), field),
			locale: fc.oneof(fc.constantFrom("en", "fr", "xx", "__proto__"), field),
			query: fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom("jean@example.org", "06 12 34 56 78", "a".repeat(3_000)), field),
			results: fc.oneof(fc.nat(50), fc.constantFrom(-1, 1.5, 1e300), field),
			path: fc.oneof(fc.constantFrom("/en/faq/x/", "x"), field),
			documentId: fc.oneof(fc.constantFrom("doc1", "A-B", ""), field),
			helpful: fc.oneof(fc.boolean(), field),
			reasons: fc.oneof(fc.array(fc.constantFrom("unclear", "outdated", "boring"), { maxLength: 6 }), field),
			comment: fc.oneof(fc.string({ maxLength: 600 }), field),
			constructor: field,
		},
		{ requiredKeys: [] },
	)
	.map((fields) => JSON.stringify(fields));
const body = fc.oneof(
	{ weight: 4, arbitrary: fc.constant("") },
	{ weight: 2, arbitrary: insightEvent },
	{ weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 200, unit: "binary" }) },
);

/** A request that parses as HTTP, more or less: what a scanner or a fuzzer sends. */
export const hostileRequest = fc
	.oneof(
		{ weight: 4, arbitrary: fc.tuple(method, target, fc.array(header, { maxLength: 6 }), body) },
		// Reader events, as a page or a forger sends them.
		{ weight: 1, arbitrary: fc.tuple(fc.constant("POST"), fc.constant("/aide/events"), fc.array(header, { maxLength: 4 }), insightEvent) },
	)
	.map(([verb, path, headers, content]) => ({
		what: `${verb} ${JSON.stringify(path).slice(0, 80)} ${JSON.stringify(content).slice(0, 80)}`,
		bytes: requestBytes(verb, path, headers, content),
	}));

/** Bytes that are barely HTTP, or not at all. */
export const malformedBytes = fc
	.oneof(
		fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
		fc
			.constantFrom(
				"GET / HTTP/1.1\r\n\r\n",
				"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
				"GET /\r\n\r\n",
				"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
				"POST /rebuild HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
				"POST /rebuild HTTP/1.1\r\nHost: x\r\nContent-Length: 99\r\n\r\nshort",
				"GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
				`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(70_000)}\r\n\r\n`,
				"GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=0-18446744073709551615\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nRange: bytes=10-5\r\n\r\n",
			)
			.map((text) => Buffer.from(text, "latin1")),
	)
	.map((bytes) => ({ what: `raw ${JSON.stringify(bytes.toString("latin1")).slice(0, 80)}`, bytes }));
