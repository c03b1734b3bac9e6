// The rows the import writes for a new entry without Strapi's document service (src/import/new-entry.ts)
// are the rows Strapi makes: publishing them again through the admin changes nothing but the published
// rows' ids and dates; the content API and the admin read them as any entry; related entries set by
// an editor, both ways, survive a later import that changes the entry. Column by column, on SQLite and
// PostgreSQL, they are the rows of the same entry created and published in the admin.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENTRY_UID } from "@aide/cms-contract";
import { runImport } from "@aide/faq-import";
import { createEntryDraft, publishEntry, type RunningCms, request, startCms } from "@aide/testing";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPostgres, startPostgres } from "./support/postgres.ts";

let cms: RunningCms;
let work: string;

beforeAll(async () => {
	cms = await startCms();
	work = mkdtempSync(join(tmpdir(), "aide-import-rows-"));
});
afterAll(async () => {
	await cms?.stop();
	rmSync(work, { recursive: true, force: true });
});

type Row = Record<string, unknown>;

/**
 * The entry's rows and its category links, as stored, by locale and state, without what the admin's
 * publish always changes: the rows' ids and publication date, and who last updated it and when (the editor).
 */
function rowsOf(documentId: string): { entries: Row[]; links: Row[] } {
	const { entries, links } = storedRowsOf(documentId);
	const strip = (row: Row, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
	return {
		entries: entries.map((row) =>
			strip({ ...row, published: row.published_at !== null }, ["id", "published_at", "updated_at", "updated_by_id"]),
		),
		links: links.map((row) => strip(row, ["id", "faq_entry_id"])),
	};
}

/** Runs one select with one parameter (`?`, a documentId) on the CMS's database. */
type Select = (sql: string, documentId: string) => Row[];

/** Selects from the SQLite database of `running`. */
const sqlite =
	(running: RunningCms): Select =>
	(sql, documentId) => {
		const db = new Database(`${running.dataDir}/aide.db`, { readonly: true });
		try {
			return db.prepare(sql).all(documentId) as Row[];
		} finally {
			db.close();
		}
	};

/** The entry's rows and its category links, every column as stored, by locale and state (the draft first). */
function storedRowsOf(documentId: string, select: Select = sqlite(cms)): { entries: Row[]; links: Row[] } {
	return {
		entries: select("select * from faq_entries where document_id = ? order by locale, published_at is not null", documentId),
		links: select(
			`select l.*, e.locale as entry_locale, e.published_at is not null as published from faq_entries_category_lnk l
			 join faq_entries e on e.id = l.faq_entry_id where e.document_id = ? order by e.locale, e.published_at is not null`,
			documentId,
		),
	};
}

const page = (locale: "fr" | "en", answer: string) =>
	[
		"---",
		`title: ${locale === "fr" ? "Sécurité" : "Security"}`,
		"---",
		"",
		`## ${locale === "fr" ? "Mes données sont-elles chiffrées ?" : "Is my data encrypted?"} {#chiffrement}`,
		"",
		answer,
		"",
		"## Autre {#autre}",
		"",
		"Oui.",
		"",
	].join("\n");

it("are what Strapi makes, read as any entry, and keep related entries through a later import", async () => {
	const fr = join(work, "securite.fr.md");
	const en = join(work, "securite.en.md");
	writeFileSync(fr, page("fr", "Oui, au repos et en transit."));
	writeFileSync(en, page("en", "Yes, at rest and in transit."));
	const target = { url: cms.url, token: cms.importToken() };
	expect(await runImport(target, [fr, en], { publish: true })).toMatchObject({ created: 4, published: 4, errors: [] });

	const api = (query: string) => request(`${cms.url}/api/faq-entries?${query}`, { token: cms.siteToken() });
	const read = async (locale: string) =>
		(await api(`locale=${locale}&filters[anchor][$eq]=chiffrement&populate[category][fields][0]=slug&populate[related][fields][0]=anchor`))
			.body.data[0];
	const imported = await read("fr");
	expect(imported).toMatchObject({
		question: "Mes données sont-elles chiffrées ?",
		answer: "Oui, au repos et en transit.",
		keywords: null,
		summary: null,
		anchor: "chiffrement",
		slug: "mes-donnees-sont-elles-chiffrees",
		order: 1,
		category: { slug: "securite" },
		related: [],
	});
	const documentId: string = imported.documentId;
	expect((await read("en")).documentId).toBe(documentId);

	// The admin shows it published, not modified, in both locales.
	const admin = await cms.adminToken();
	const manager = `${cms.url}/content-manager/collection-types/${ENTRY_UID}`;
	for (const locale of ["fr", "en"]) {
		const shown = await request(`${manager}/${documentId}?locale=${locale}`, { token: admin });
		expect(shown.body.data).toMatchObject({ status: "published", locale, anchor: "chiffrement" });
	}

	// Strapi publishing the same drafts again rewrites the published rows: only ids, dates and the editor's name may differ.
	const before = rowsOf(documentId);
	expect(before.entries).toHaveLength(4);
	expect(before.links).toHaveLength(4);
	for (const locale of ["fr", "en"]) expect((await publishEntry(cms.url, admin, documentId, locale)).status).toBe(200);
	expect(rowsOf(documentId)).toEqual(before);
	const again = await read("fr");
	expect({ ...again, id: 0, publishedAt: 0, updatedAt: 0 }).toEqual({ ...imported, id: 0, publishedAt: 0, updatedAt: 0 });

	// Related entries, set by an editor both ways, outlive an import that changes and republishes the entry.
	const other = await createEntryDraft(cms.url, admin, { question: "Une autre question ?", slug: "une-autre-question", answer: "Oui." });
	expect(other.status).toBe(201);
	const relate = async (from: string, to: string) => {
		const put = await request(`${manager}/${from}?locale=fr`, {
			token: admin,
			method: "PUT",
			body: { related: { connect: [{ documentId: to, locale: "fr" }] } },
		});
		expect(put.status).toBe(200);
		expect((await publishEntry(cms.url, admin, from, "fr")).status).toBe(200);
	};
	await relate(other.documentId, documentId);
	await relate(documentId, other.documentId);
	writeFileSync(fr, page("fr", "Oui, au repos et en transit, avec AES-256."));
	expect(await runImport(target, [fr, en], { publish: true })).toMatchObject({ updated: 1, published: 1, errors: [] });
	expect(await read("fr")).toMatchObject({ answer: "Oui, au repos et en transit, avec AES-256.", related: [{ anchor: null }] });
	const back = await api(`locale=fr&filters[documentId][$eq]=${other.documentId}&populate[related][fields][0]=anchor`);
	expect(back.body.data[0].related).toEqual([expect.objectContaining({ anchor: "chiffrement" })]);
});

/**
 * Imports a page of three new entries, then makes the first one again in the admin (same fields and
 * category, another slug and anchor), and compares their rows and category links column by column.
 */
async function compareWithTheAdmin(running: RunningCms, select: Select): Promise<void> {
	const question = { fr: "Où sont stockées mes données ?", en: "Where is my data stored?" };
	const answer = { fr: "En France, chez notre hébergeur.", en: "In France, at our host." };
	const files = (["fr", "en"] as const).map((locale) => {
		const file = join(work, `hebergement.${locale}.md`);
		const title = locale === "fr" ? "Hébergement" : "Hosting";
		const others = ["sauvegardes", "suppression"].flatMap((anchor) => [`## ${anchor} ? {#${anchor}}`, "", "Oui.", ""]);
		writeFileSync(
			file,
			["---", `title: ${title}`, "---", "", `## ${question[locale]} {#stockage}`, "", answer[locale], "", ...others].join("\n"),
		);
		return file;
	});
	expect(await runImport({ url: running.url, token: running.importToken() }, files, { publish: true })).toMatchObject({ errors: [] });
	const found = await request(`${running.url}/api/faq-entries?locale=fr&filters[anchor][$eq]=stockage&populate[category][fields][0]=slug`, {
		token: running.siteToken(),
	});
	const imported: string = found.body.data[0].documentId;
	const category: string = found.body.data[0].category.documentId;

	// The same entry, in the same category, created and published by an editor: only its slug and anchor differ.
	const admin = await running.adminToken();
	const manager = `${running.url}/content-manager/collection-types/${ENTRY_UID}`;
	let created = "";
	for (const locale of ["fr", "en"] as const) {
		const data = {
			question: question[locale],
			answer: answer[locale],
			slug: `stockage-editeur-${locale}`,
			anchor: "stockage-editeur",
			order: 1,
			category: { connect: [{ documentId: category, locale }] },
		};
		const write = await request(created ? `${manager}/${created}?locale=${locale}` : `${manager}?locale=${locale}`, {
			token: admin,
			method: created ? "PUT" : "POST",
			body: data,
		});
		expect(write.status, JSON.stringify(write.body)).toBeLessThan(300);
		created = write.body.data.documentId;
	}
	for (const locale of ["fr", "en"]) expect((await publishEntry(running.url, admin, created, locale)).status).toBe(200);

	const ours = storedRowsOf(imported, select);
	const theirs = storedRowsOf(created, select);
	// Every column, but those that must differ: ids, the slug and anchor chosen above, the times (compared
	// below), and the editor who wrote it (an import has none, as a document service call without a user).
	const own = ["id", "document_id", "slug", "anchor", "created_at", "updated_at", "published_at"];
	const who = ["created_by_id", "updated_by_id"];
	const same = (row: Row) =>
		Object.fromEntries(
			Object.entries(row)
				.filter(([column]) => !who.includes(column))
				.map(([column, value]) => [column, own.includes(column) ? typeof value : value]),
		);
	expect(ours.entries.map(same)).toEqual(theirs.entries.map(same));
	for (const row of ours.entries) expect(who.map((column) => row[column])).toEqual([null, null]);
	// In each locale the draft, then its published version, with the draft's creation and last change.
	const times = (rows: Row[]) =>
		[0, 2].map((at) => {
			const [draft, published] = [rows[at] ?? {}, rows[at + 1] ?? {}];
			return [draft.published_at, published.created_at === draft.created_at, published.updated_at === draft.updated_at];
		});
	expect(times(ours.entries)).toEqual([
		[null, true, true],
		[null, true, true],
	]);
	expect(times(ours.entries)).toEqual(times(theirs.entries));
	// The same category rows, at the draft's place in both versions: the page's first entry first, the editor's after the page's three.
	const links = (rows: Row[], place: number) =>
		rows.map((row) => ({ ...row, id: 0, faq_entry_id: 0, faq_entry_ord: Number(row.faq_entry_ord) - place }));
	expect(ours.links).toHaveLength(4);
	expect(links(ours.links, 1)).toEqual(links(theirs.links, 4));
}

it("are, column by column, the rows the document service writes for an entry created and published in the admin", () =>
	compareWithTheAdmin(cms, sqlite(cms)));

describe("on PostgreSQL", () => {
	let postgres: RunningPostgres;
	let running: RunningCms;
	beforeAll(async () => {
		postgres = await startPostgres();
		running = await startCms({ env: { DATABASE_URL: postgres.url } });
	});
	afterAll(async () => {
		await running?.stop();
		await postgres?.stop();
	});

	it("are the same: the ids of a batch insert are read back by documentId, in no assumed order", () =>
		compareWithTheAdmin(running, (sql, documentId) =>
			// A documentId is letters and digits (Strapi's cuid2): safe to write into the statement.
			JSON.parse(postgres.query(`select coalesce(json_agg(row), '[]') from (${sql.replace("?", `'${documentId}'`)}) row`)),
		));
});
