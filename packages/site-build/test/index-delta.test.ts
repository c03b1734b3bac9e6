// The small index of the pages the one-entry fast path replaced (index-delta.ts), on real Pagefind
// indexes: which of the main index's pages it names as stale, what it holds, and how it carries the
// pages of earlier fast paths. (The search box that merges it runs in Chromium: e2e/tests/search.spec.ts.)
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELTA_FILE, DELTA_FOLDER, idsOf, indexDelta, indexSite, type SearchDelta } from "../src/index.ts";

const work = mkdtempSync(join(tmpdir(), "aide-delta-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (lang: string, question: string, answer: string) =>
	`<!doctype html><html lang="${lang}"><head><title>${question}</title></head><body><nav>Menu</nav><main data-pagefind-body><h1>${question}</h1><p>${answer}</p></main></body></html>`;

const buildDir = join(work, "build");
const site = join(buildDir, "client");
/** The site as the full build left it: what the main index holds (each fast path reads the live site it copied). */
const previous = join(work, "previous");
const write = (name: string, html: string) => {
	mkdirSync(dirname(join(site, name)), { recursive: true });
	writeFileSync(join(site, name), html);
};
const readDelta = () => JSON.parse(readFileSync(join(site, DELTA_FOLDER, DELTA_FILE), "utf8")) as SearchDelta;
/** The page texts of the index in `folder`, by URL. */
function texts(folder: string): Record<string, string> {
	const dir = join(folder, "fragment");
	const records = readdirSync(dir).map(
		(name) =>
			JSON.parse(
				gunzipSync(readFileSync(join(dir, name)))
					.toString("utf8")
					.replace(/^pagefind_dcd/, ""),
			) as Record<string, unknown>,
	);
	const fragments = records.flatMap((record) => (typeof record.url === "string" ? [record] : Object.values(record))) as Array<{
		url: string;
		content: string;
	}>;
	return Object.fromEntries(fragments.map(({ url, content }) => [url, content]));
}

let mainIds: Record<string, string | null>;
beforeAll(async () => {
	write("en/faq/backup/index.html", page("en", "How do I back up?", "Export the archive."));
	write("en/faq/invoice/index.html", page("en", "Where is my invoice?", "In the billing page."));
	write("fr/faq/sauvegarde/index.html", page("fr", "Comment sauvegarder ?", "Exportez l'archive."));
	write("en/index.html", page("en", "Home", "Welcome").replace(" data-pagefind-body", ""));
	await indexSite(site);
	cpSync(site, previous, { recursive: true });
	mainIds = await idsOf(join(site, "pagefind"), ["/en/faq/backup/", "/en/faq/invoice/", "/fr/faq/sauvegarde/", "/en/"]);
});

describe("idsOf", () => {
	it("reads each page's id in an index from its fragments; null for a page it does not hold", () => {
		expect(mainIds["/en/faq/backup/"]).toMatch(/^en_[0-9a-f]{7,}$/);
		expect(mainIds["/fr/faq/sauvegarde/"]).toMatch(/^fr_[0-9a-f]{7,}$/);
		expect(new Set(Object.values(mainIds)).size).toBe(4);
		// The home has no data-pagefind-body: not in the index.
		expect(mainIds["/en/"]).toBeNull();
	});
});

describe("indexDelta", () => {
	it("indexes the replaced page, names its stale id in the main index and its language, and keeps it for the next fast path", async () => {
		write("en/faq/backup/index.html", page("en", "How do I back up?", "Export the archive, then copy it offsite."));
		const delta = await indexDelta(buildDir, previous, ["en/faq/backup/index.html"]);
		const newId = (await idsOf(join(site, DELTA_FOLDER), ["/en/faq/backup/"]))["/en/faq/backup/"];
		expect(newId).toMatch(/^en_[0-9a-f]{7,}$/);
		// The search box shows the new page where the main index ranks the stale one.
		expect(delta).toEqual({
			languages: ["en"],
			hide: [mainIds["/en/faq/backup/"]],
			replace: { [mainIds["/en/faq/backup/"] as string]: newId },
		});
		expect(readDelta()).toEqual(delta);
		expect(texts(join(site, DELTA_FOLDER))).toEqual({ "/en/faq/backup/": "How do I back up? Export the archive, then copy it offsite." });
		// The main index is left as it was.
		expect(texts(join(site, "pagefind"))["/en/faq/backup/"]).toBe("How do I back up? Export the archive.");

		// The next fast path (in the next linked copy, which carries the record) adds its page to the earlier ones.
		write("fr/faq/sauvegarde/index.html", page("fr", "Comment sauvegarder ?", "Exportez l'archive, puis copiez-la ailleurs."));
		const next = await indexDelta(buildDir, previous, ["fr/faq/sauvegarde/index.html"]);
		expect(next.languages).toEqual(["en", "fr"]);
		expect(new Set(next.hide)).toEqual(new Set([mainIds["/en/faq/backup/"], mainIds["/fr/faq/sauvegarde/"]]));
		expect(Object.keys(texts(join(site, DELTA_FOLDER))).sort()).toEqual(["/en/faq/backup/", "/fr/faq/sauvegarde/"]);
	});

	it("leaves out a page whose answer moved (a new slug), and hides it from the main index's results", async () => {
		write("en/faq/billing-invoice/index.html", page("en", "Where is my invoice?", "In the billing page, under Invoices."));
		const delta = await indexDelta(buildDir, previous, ["en/faq/billing-invoice/index.html"], ["en/faq/invoice/index.html"]);
		expect(new Set(delta.hide)).toEqual(new Set([mainIds["/en/faq/backup/"], mainIds["/fr/faq/sauvegarde/"], mainIds["/en/faq/invoice/"]]));
		// A page that moved has no replacement: its results are dropped.
		expect(Object.keys(delta.replace).sort()).toEqual([mainIds["/en/faq/backup/"], mainIds["/fr/faq/sauvegarde/"]].sort());
		expect(Object.keys(texts(join(site, DELTA_FOLDER))).sort()).toEqual([
			"/en/faq/backup/",
			"/en/faq/billing-invoice/",
			"/fr/faq/sauvegarde/",
		]);
		// Moved back to its first slug, the page is indexed again.
		const back = await indexDelta(buildDir, previous, ["en/faq/invoice/index.html"], ["en/faq/billing-invoice/index.html"]);
		expect(Object.keys(texts(join(site, DELTA_FOLDER))).sort()).toEqual(["/en/faq/backup/", "/en/faq/invoice/", "/fr/faq/sauvegarde/"]);
		// Its text there is the main index's own: one id in both, shown once, hidden from neither.
		expect(back.hide).not.toContain(mainIds["/en/faq/invoice/"]);
	});

	it("hides nothing for a page published again without a change: both indexes give it the same id", async () => {
		const unchanged = join(work, "unchanged");
		mkdirSync(unchanged);
		const copy = join(unchanged, "client");
		mkdirSync(join(copy, "en", "faq", "invoice"), { recursive: true });
		writeFileSync(join(copy, "en", "faq", "invoice", "index.html"), page("en", "Where is my invoice?", "In the billing page."));
		await indexSite(copy);
		const delta = await indexDelta(unchanged, copy, ["en/faq/invoice/index.html"]);
		expect(delta).toEqual({ languages: ["en"], hide: [], replace: {} });
	});

	it("finds a page's id in the main index from its own record, without reading the main index's other fragments", async () => {
		const alone = join(work, "alone");
		const copy = join(alone, "client");
		cpSync(previous, copy, { recursive: true });
		rmSync(join(copy, DELTA_FOLDER), { recursive: true, force: true });
		const fragments = join(copy, "pagefind", "fragment");
		const own = `${mainIds["/en/faq/invoice/"]}.pf_fragment`;
		// Every other fragment is unreadable: reading one would fail the call.
		for (const name of readdirSync(fragments)) if (name !== own) writeFileSync(join(fragments, name), "not gzip");
		writeFileSync(join(copy, "en", "faq", "invoice", "index.html"), page("en", "Where is my invoice?", "Under Billing."));
		const delta = await indexDelta(alone, previous, ["en/faq/invoice/index.html"]);
		expect(delta.hide).toEqual([mainIds["/en/faq/invoice/"]]);
	});

	it("says which file a record it cannot read is, and writes no index", async () => {
		const broken = join(work, "broken");
		mkdirSync(join(broken, "client"), { recursive: true });
		writeFileSync(join(broken, "search-delta.json"), JSON.stringify({ pages: "en/faq/x/index.html" }));
		await expect(indexDelta(broken, previous, [])).rejects.toThrow(`${join(broken, "search-delta.json")} is not what the fast path writes`);
		expect(existsSync(join(broken, "client", DELTA_FOLDER))).toBe(false);
	});
});

describe("a full build", () => {
	it("writes an empty delta.json: the search box merges nothing and hides nothing", async () => {
		const full = join(work, "full");
		mkdirSync(join(full, "client", "en"), { recursive: true });
		writeFileSync(join(full, "client", "en", "index.html"), page("en", "Home", "Welcome"));
		const { indexBuild } = await import("../src/index-site.ts");
		await indexBuild(full);
		expect(JSON.parse(readFileSync(join(full, "client", DELTA_FOLDER, DELTA_FILE), "utf8"))).toEqual({
			languages: [],
			hide: [],
			replace: {},
		});
	});
});
