// The readers' side of issue 17's scripts, which are static files served as they are (public/):
// - search.js cannot import @aide/cms-contract, so it spells the privacy rule for queries itself; this
//   test runs its insightQuery and the contract's on the same queries, so the two cannot drift apart;
// - feedback.js is loaded by every answer page that has the widget: it must stay under 2 KB gzipped.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { INSIGHT_QUERY_MAX_LENGTH, insightQuery } from "@aide/cms-contract";
import { describe, expect, it } from "vitest";

const publicFile = (name: string) => readFileSync(new URL(`../public/${name}`, import.meta.url), "utf8");
const search = publicFile("search.js");
const source = /^function insightQuery\(text\) \{[\s\S]*?^\}$/m.exec(search)?.[0];
const clientQuery = new Function(`${source}; return insightQuery;`)() as (text: string) => string | undefined;

/** What readers type: plain words, spacing and case to clean, and what must never leave the browser. */
const QUERIES = [
	"mot de passe",
	"  Mot   de\tPASSE  ",
	"Où sont situés vos serveurs ?",
	"facture 2026",
	"commande 1234",
	"ÉTÉ",
	"e\u0301te\u0301",
	"",
	"   ",
	"x".repeat(INSIGHT_QUERY_MAX_LENGTH + 20),
	`${"a".repeat(INSIGHT_QUERY_MAX_LENGTH - 1)} b`,
	"jean.dupont@example.com",
	"contact JEAN@EXAMPLE.FR svp",
	"06 12 34 56 78",
	"+33 6 12 34 56 78",
	"(555) 123-4567",
	"commande 12345",
	"carte 4970 1012 3456 7890",
	"iban fr76 3000 6000 0112 3456 7890 189",
	"version 1.2.3",
];

describe("search.js's insightQuery", () => {
	it("is found in public/search.js", () => {
		expect(source).toBeDefined();
	});

	it.each(QUERIES.map((query) => [JSON.stringify(query), query]))("keeps %s as the contract does", (_, query) => {
		expect(clientQuery(query)).toBe(insightQuery(query));
	});

	it("drops e-mail addresses, phone numbers and long digit runs, and keeps the rest trimmed and lower-cased", () => {
		expect(clientQuery("jean.dupont@example.com")).toBeUndefined();
		expect(clientQuery("06 12 34 56 78")).toBeUndefined();
		expect(clientQuery("commande 12345")).toBeUndefined();
		expect(clientQuery("  Mot   de PASSE ")).toBe("mot de passe");
		expect(clientQuery("x".repeat(150))).toHaveLength(INSIGHT_QUERY_MAX_LENGTH);
	});
});

describe("feedback.js", () => {
	it("is under 2 KB gzipped", () => {
		const bytes = gzipSync(publicFile("feedback.js"), { level: 9 }).length;
		expect(bytes, `public/feedback.js is ${bytes} bytes gzipped`).toBeLessThan(2048);
	});
});
