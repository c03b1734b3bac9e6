import type { Core } from "@strapi/strapi";

/** A row as strapi.db.query returns it: only the fields asked for, typed by whoever reads them. */
export type Row = Record<string, unknown>;

const PAGE_SIZE = 1000;

/**
 * Every row of `uid` matching `where`, `select`ed, read a page at a time (ordered by id, so that pages
 * neither skip nor repeat rows).
 */
export async function allRows(strapi: Core.Strapi, uid: string, where: object, select: string[]): Promise<Row[]> {
	const query = strapi.db.query(uid as never) as unknown as { findMany(params: object): Promise<Row[]> };
	const rows: Row[] = [];
	for (let offset = 0; ; offset += PAGE_SIZE) {
		const page = await query.findMany({ where, select, orderBy: { id: "asc" }, offset, limit: PAGE_SIZE });
		rows.push(...page);
		if (page.length < PAGE_SIZE) return rows;
	}
}

/** A count column: a non-negative integer, or 0 for anything else (a row written by hand, a null). */
export const count = (value: unknown): number => (typeof value === "number" && Number.isInteger(value) && value > 0 ? value : 0);

/** A JSON column's value, read with Strapi's query engine or with knex: parsed by PostgreSQL's driver, text on SQLite; undefined when unreadable. */
export function json(value: unknown): unknown {
	if (typeof value !== "string") return value;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}
