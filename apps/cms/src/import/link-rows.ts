// Links new rows to one relation's target rows as Strapi does, for many rows in a few statements: a
// draft as the entity manager links a row created with `relation: targetId` (attachRelations, a `set`
// of one: last among the target's rows), its published version as Strapi's publish links it (at its
// draft's place). The join table, its columns and which order columns it has are read from Strapi's
// own model of the relation.
import type { Core } from "@strapi/strapi";

/** The versions of one new entry in one locale (the draft, then the published row if any) and the row they link to. */
export interface LinkedRows {
	ids: number[];
	target: number;
}

/** A relation's join table as Strapi's database layer describes it. */
interface JoinTable {
	name: string;
	joinColumn: { name: string };
	inverseJoinColumn: { name: string };
	/** Only for relations to many: the link's place among the row's targets. */
	orderColumnName?: string;
	/** Only for two-way relations from many: the link's place among the target's rows. */
	inverseOrderColumnName?: string;
	on?: Record<string, unknown>;
}

interface Database {
	metadata: { get(uid: string): { attributes: Record<string, { joinTable?: JoinTable }> } };
	dialect: { getBatchInsertSize(): number };
	queryBuilder(table: string): QueryBuilder;
}

interface QueryBuilder {
	max(column: string): QueryBuilder;
	where(where: Record<string, unknown>): QueryBuilder;
	first(): QueryBuilder;
	insert(rows: Array<Record<string, unknown>>): QueryBuilder;
	execute(): Promise<unknown>;
}

/** Writes the links of `links`, in that order, for `attribute` of `uid`: as many per statement as the database takes. */
export async function linkRows(strapi: Core.Strapi, uid: string, attribute: string, links: readonly LinkedRows[]): Promise<void> {
	if (links.length === 0) return;
	const db = strapi.db as unknown as Database;
	const joinTable = db.metadata.get(uid).attributes[attribute]?.joinTable;
	if (!joinTable) throw new Error(`Strapi's model of ${uid}.${attribute} has no join table.`);
	const { name, joinColumn, inverseJoinColumn, orderColumnName, inverseOrderColumnName, on } = joinTable;
	// The last place taken among each target's rows: a new link goes after it, as attachRelations reads it (max + 1).
	const last = new Map<number, number>();
	if (inverseOrderColumnName) {
		for (const target of new Set(links.map((link) => link.target))) {
			const found = (await db
				.queryBuilder(name)
				.max(inverseOrderColumnName)
				.where({ [inverseJoinColumn.name]: target, ...on })
				.first()
				.execute()) as { max?: number | string | null } | undefined;
			last.set(target, Number(found?.max ?? 0));
		}
	}
	const rows = links.flatMap(({ ids, target }) => {
		const place = (last.get(target) ?? 0) + 1;
		last.set(target, place);
		return ids.map((id) => {
			const row: Record<string, unknown> = { [joinColumn.name]: id, [inverseJoinColumn.name]: target, ...on };
			// The only target of a `set` of one is first.
			if (orderColumnName) row[orderColumnName] = 1;
			if (inverseOrderColumnName) row[inverseOrderColumnName] = place;
			return row;
		});
	});
	const size = db.dialect.getBatchInsertSize();
	for (let start = 0; start < rows.length; start += size)
		await db
			.queryBuilder(name)
			.insert(rows.slice(start, start + size))
			.execute();
}
