/**
 * What a content model's `regex` asks, in words an editor can act on, by the regex's text as
 * content-models/ writes it. A pattern not listed here is named as it is ("must match ^…$").
 * test/pattern-rules.test.ts fails when a key is no longer a regex of any model, so the two cannot drift.
 */
export const PATTERN_RULES: Readonly<Record<string, string>> = {
	"^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$":
		"must be a CSS hex colour: # and 3, 4, 6 or 8 hexadecimal digits, such as #0b57a4",
	"^(?:https?://[^\\s\"'<>]+|mailto:[^\\s\"'<>]+)$":
		"must be a web address starting with https:// or http://, or an e-mail address starting with mailto: (mailto:support@example.com), without spaces or quotes",
	"^(?:https?://[^\\s\"'<>]+|mailto:[^\\s\"'<>]+|/(?![/\\\\])[^\\s\"'<>]*)$":
		"must be a web address starting with https:// or http://, an e-mail address starting with mailto:, or a path of this site starting with a single / (/en/about/), without spaces or quotes",
};

/** What a value that does not match `regex` is told. */
export function patternRule(regex: string): string {
	return PATTERN_RULES[regex] ?? `must match the content model's pattern ${regex}`;
}
