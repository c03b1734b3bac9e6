// Range requests (RFC 9110 §14), read by range-parser (strict: digits only; sirv, which served the
// site before, threw inside a request on `bytes=10-5` or `bytes=0-18446744073709551615`, which
// stopped the whole `npm start` process):
// - no header, or one we ignore (malformed, not bytes, several ranges, sent with If-Range): the
//   whole file, 200, as RFC 9110 §14.2 allows a server to do;
// - a range that cannot be satisfied (it starts past the end, `bytes=-0`): 416 with
//   `Content-Range: bytes */<size>`;
// - one satisfiable range: 206 with those bytes.
// A request with a Range header is answered from the file itself, never from a compressed copy
// (static-site.ts): byte positions then mean the same thing whatever Accept-Encoding says.
import type { IncomingHttpHeaders } from "node:http";
import parseRange from "range-parser";

export type RangeAnswer = { kind: "whole" } | { kind: "unsatisfiable" } | { kind: "part"; start: number; end: number };

/** What to answer to the Range header of `headers` for a file of `size` bytes, as described above. */
export function settleRange(headers: IncomingHttpHeaders, size: number): RangeAnswer {
	const header = headers.range;
	if (header === undefined) return { kind: "whole" };
	// If-Range asks for the range only if the file did not change; serving the whole file is always right.
	if (headers["if-range"] !== undefined) return { kind: "whole" };
	// The range unit is case-insensitive (RFC 9110 §14.1); an unknown unit is ignored.
	if (!/^bytes=/i.test(header)) return { kind: "whole" };
	const ranges = parseRange(size, `bytes=${header.slice("bytes=".length)}`, { combine: true });
	if (ranges === -1) return { kind: "unsatisfiable" };
	if (ranges === -2 || ranges.length !== 1) return { kind: "whole" };
	const [range] = ranges;
	return range ? { kind: "part", start: range.start, end: range.end } : { kind: "whole" };
}
