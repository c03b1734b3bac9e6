// The search box makes the typed query plain by the rule packages/site-build applies to what Pagefind
// indexes (index-typography.ts): public/search.js is a static file and cannot import that rule, so this
// test runs the script's normaliseQuery on every character the index side lists.
import { readFileSync } from "node:fs";
import { NON_BREAKING_SPACES, TYPOGRAPHIC_APOSTROPHES } from "@aide/site-build";
import { describe, expect, it } from "vitest";

const script = readFileSync(new URL("../public/search.js", import.meta.url), "utf8");
const source = /^function normaliseQuery\(text\) \{[\s\S]*?^\}$/m.exec(script)?.[0];
const normaliseQuery = new Function(`${source}; return normaliseQuery;`)() as (text: string) => string;

describe("the search box's query", () => {
	it("is found in public/search.js", () => {
		expect(source).toBeDefined();
	});

	it.each(TYPOGRAPHIC_APOSTROPHES.map((character) => [character.codePointAt(0)?.toString(16)]))(
		"makes U+%s an ASCII apostrophe",
		(code) => {
			expect(normaliseQuery(`d${String.fromCodePoint(Number.parseInt(code ?? "", 16))}essai`)).toBe("d'essai");
		},
	);

	it.each(NON_BREAKING_SPACES.map((character) => [character.codePointAt(0)?.toString(16)]))("makes U+%s a space", (code) => {
		expect(normaliseQuery(`mot${String.fromCodePoint(Number.parseInt(code ?? "", 16))}de  passe `)).toBe("mot de passe");
	});
});
