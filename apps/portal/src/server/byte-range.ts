// Range requests, checked before sirv sees them. sirv 3.0.2 reads the Range header with parseInt and
// no checks: `bytes=10-5` or `bytes=0-18446744073709551615` make it throw inside a request (which
// stopped the whole `npm start` process), and `bytes=-5` or `bytes=0-0` get the wrong bytes. So each
// Range header is parsed here by range-parser (strict: digits only) and handed to sirv only in a
// form sirv reads right, once the file's size is known (sirv's `setHeaders` hook runs just before it
// reads the header):
// - no header, or one we ignore (malformed, not bytes, several ranges, sent with If-Range): the
//   whole file, 200, as RFC 9110 §14.2 allows a server to do;
// - a range that cannot be satisfied (it starts past the end, `bytes=-0`): 416 with
//   `Content-Range: bytes */<size>`;
// - one satisfiable range: 206 with those bytes.
import type { IncomingMessage } from "node:http";
import parseRange from "range-parser";

/** Rewrites (or removes) `request`'s Range header for a file of `size` bytes, as described above. */
export function settleRange(request: IncomingMessage, size: number): void {
	const header = request.headers.range;
	if (header === undefined) return;
	// If-Range asks for the range only if the file did not change; serving the whole file is always right.
	if (request.headers["if-range"] !== undefined) return void delete request.headers.range;
	// The range unit is case-insensitive (RFC 9110 §14.1); an unknown unit is ignored.
	if (!/^bytes=/i.test(header)) return void delete request.headers.range;
	const ranges = parseRange(size, `bytes=${header.slice("bytes=".length)}`, { combine: true });
	if (ranges === -1) {
		// sirv answers 416 with `Content-Range: bytes */<size>` to a range starting at the size.
		request.headers.range = `bytes=${size}-`;
		return;
	}
	const [range] = ranges === -2 ? [] : ranges;
	// sirv reads an end of 0 as "to the end": a range of the first byte alone is answered whole.
	if (ranges === -2 || ranges.length !== 1 || !range || range.end === 0) {
		delete request.headers.range;
		return;
	}
	request.headers.range = `bytes=${range.start}-${range.end}`;
}
