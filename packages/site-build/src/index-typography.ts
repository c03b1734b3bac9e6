// What Pagefind is given to index, with French typography made plain. Pagefind 1.6 splits words on
// ASCII punctuation and spaces only: in `d’essai` (U+2019) it indexes `d’essai` and `dessai`, never
// `essai`, so a search for `essai` misses the page. With the ASCII apostrophe, `d'essai` is indexed
// as `essai` too (and `d'essai`, `d’essai` and `dessai` still find it). Non-breaking spaces (before
// `? ! : ;` and inside « guillemets ») are made plain spaces for the same reason. Only the copy given
// to Pagefind changes: the page on disk keeps the editor's typography (the search results' excerpts,
// which Pagefind takes from what it indexed, show the plain forms).
//
// The query typed into the search box is made plain the same way by the site's search script
// (apps/site/public/search.js): the two cannot share code (that one is a static file served as
// is), so each side has a test that pins the same characters.

/** Apostrophes editors type that Pagefind does not split words on: right and left single quotation marks, modifier letter apostrophe. */
export const TYPOGRAPHIC_APOSTROPHES = ["\u2019", "\u2018", "\u02BC"] as const;
/** Spaces Pagefind does not split words on: no-break space and narrow no-break space. */
export const NON_BREAKING_SPACES = ["\u00A0", "\u202F"] as const;

const codePoints = (characters: readonly string[]) => characters.map((character) => character.codePointAt(0) as number);

/**
 * Each character of `characters`, raw or written as an HTML character reference (`&#8217;`,
 * `&#x2019;`, or a name from `names`): the site's Markdown writes raw UTF-8 today, a later
 * renderer may not.
 */
function spellings(characters: readonly string[], names: readonly string[]): RegExp {
	const numbers = codePoints(characters).flatMap((code) => [`&#0*${code};`, `&#[xX]0*${code.toString(16)};`]);
	return new RegExp([...characters, ...numbers, ...names.map((name) => `&${name};`)].join("|"), "gi");
}

const apostrophes = spellings(TYPOGRAPHIC_APOSTROPHES, ["rsquo", "lsquo", "rsquor"]);
const spaces = spellings(NON_BREAKING_SPACES, ["nbsp", "NonBreakingSpace"]);

/**
 * `html` with typographic apostrophes made ASCII and non-breaking spaces made plain, for Pagefind.
 * Each is written as a character reference (`&#39;`, `&#32;`), which reads the same in text and
 * stays safe inside an attribute value, whichever quotes delimit it.
 */
export function plainTypography(html: string): string {
	return html.replace(apostrophes, "&#39;").replace(spaces, "&#32;");
}
