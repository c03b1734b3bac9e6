// The one rule that makes slugs (the CMS's, for entries and categories) and anchors (the import's
// ids of questions) out of text: lowercase ASCII words joined by dashes, as the content models'
// regex asks. @sindresorhus/slugify transliterates (é → e, œ → oe, ß → ss) and treats both
// apostrophes alike (l'aide, l’aide → l-aide); "&" becomes the locale's word for "and" (slugs give
// their locale, anchors none: see index.d.ts).
import slugify from "@sindresorhus/slugify";

/** The `regex` of the slug and anchor fields in content-models/ (checked by test/content-types.test.ts). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The anchor field's `maxLength` in content-models/faq-entry.json. */
export const ANCHOR_MAX_LENGTH = 100;
/** The CMS's own limit for slugs (the models set none): a URL segment people can still read. */
export const SLUG_MAX_LENGTH = 80;

/** @type {Record<string, string>} */
const AND = { fr: "et", en: "and" };

export class SlugError extends Error {
	/** @override */
	name = "SlugError";
}

/** @type {import("./index.d.ts").slugFor} */
export function slugFor(text, { locale, maxLength = SLUG_MAX_LENGTH, fallback } = {}) {
	const and = AND[locale?.split("-")[0] ?? ""] ?? "and";
	const slug = slugify(text, { decamelize: false, customReplacements: [["&", ` ${and} `]] })
		.slice(0, maxLength)
		.replace(/-+$/, "");
	if (slug !== "") return slug;
	if (fallback !== undefined) return fallback;
	throw new SlugError(
		`"${text}" has no letter or digit to make a slug of. Write a few words in it, or give it an id of your own (a heading id: {#some-id}).`,
	);
}
