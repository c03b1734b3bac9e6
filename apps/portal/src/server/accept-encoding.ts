// Which of a file's forms (its precompressed copies, or the file itself) a request gets, by its
// Accept-Encoding header (RFC 9110 §12.5.3): each coding with its weight (q, 0 to 1, 1 when not
// given; 0 means "not acceptable"), `*` for any coding not named, `identity` (the file itself)
// acceptable unless refused by name or by `*;q=0`, and, unless named, after any coding the header
// accepts. The highest weight wins; on a tie Brotli, then gzip (smaller, in that order), then the
// file itself. No header means no coding is asked for.
// When nothing acceptable is on offer the file itself is sent, which the RFC allows.

/** The codings a site's files may have copies in (see @aide/site-build's precompress.ts). */
export type Coding = "br" | "gzip";
export type Encoding = Coding | "identity";

/** The weight of `identity` when the header does not name it: the least a named coding can have. */
const UNNAMED_IDENTITY = 0.001;

/** Preference on equal weights: the first is smaller. */
const PREFERENCE: readonly Encoding[] = ["br", "gzip", "identity"];

/** Each coding the header names (lowercase; `x-gzip` is `gzip`) with its weight; a malformed weight drops that item. */
export function weights(header: string): Map<string, number> {
	const named = new Map<string, number>();
	for (const item of header.split(",")) {
		const [token = "", ...params] = item.split(";").map((part) => part.trim());
		if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/i.test(token)) continue;
		const q = params.find((param) => /^q\s*=/i.test(param));
		const value = q === undefined ? "1" : q.replace(/^q\s*=\s*/i, "");
		if (!/^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value)) continue;
		const coding = token.toLowerCase() === "x-gzip" ? "gzip" : token.toLowerCase();
		named.set(coding, Math.max(named.get(coding) ?? 0, Number(value)));
	}
	return named;
}

/** The form of a file to send, of those `available` (its copies), for the Accept-Encoding `header`. */
export function chooseEncoding(header: string | undefined, available: readonly Coding[]): Encoding {
	if (header === undefined || available.length === 0) return "identity";
	const named = weights(header);
	const any = named.get("*");
	// The file itself, unless named, is acceptable (unless `*;q=0`) but comes after any coding asked for.
	const weight = (encoding: Encoding) => named.get(encoding) ?? (encoding === "identity" ? (any === 0 ? 0 : UNNAMED_IDENTITY) : (any ?? 0));
	let best: Encoding = "identity";
	let bestWeight = 0;
	for (const encoding of PREFERENCE) {
		if (encoding !== "identity" && !available.includes(encoding)) continue;
		if (weight(encoding) > bestWeight) {
			best = encoding;
			bestWeight = weight(encoding);
		}
	}
	return best;
}
