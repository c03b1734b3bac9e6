import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CATEGORY_UID, ENTRY_UID } from "@aide/cms-contract";
import type { Core } from "@strapi/strapi";
import { INSIGHT_RECORD_ACTION } from "../insights/routes";
import type { Settings } from "../settings";
import { editorContentPermissions } from "./editor-role";
import { editorialTypes } from "./editorial-types";

export const SITE_TOKEN_NAME = "Aide site build";
export const IMPORT_TOKEN_NAME = "Aide import";
/** The one token the content API lets read drafts (see middlewares/content-api-guard.ts). */
export const PREVIEW_TOKEN_NAME = "Aide preview";
/** The portal's token for reader insights: it may record aggregates (insights/routes.ts) and nothing else. */
export const INSIGHTS_TOKEN_NAME = "Aide insights";

/** Strapi's auto-created tokens: broader than anything the product needs. */
const DEFAULT_TOKEN_NAMES = ["Full Access", "Read Only"];

interface TokenService {
	getByName(name: string): Promise<{ id: number; type?: string } | null>;
	create(attributes: object, callingUser?: unknown): Promise<{ id: number; accessKey: string }>;
	update(id: number, attributes: object): Promise<unknown>;
	regenerate(id: number): Promise<{ accessKey: string }>;
	revoke(id: number): Promise<unknown>;
	hash(accessKey: string): string;
}

/**
 * The media library's reads: what the upload plugin knows of the images answers show (their size and
 * smaller versions), which the site build copies into the site. The files themselves Strapi serves to anyone.
 */
export const MEDIA_READ_PERMISSIONS = ["plugin::upload.content-api.find", "plugin::upload.content-api.findOne"];

/** The content types `npm run import` / `export` read and write: not the site settings, which editors set in the admin. */
const IMPORTED_TYPES = new Set<string>([ENTRY_UID, CATEGORY_UID]);

/**
 * What the site build may do: read the project's content types (editorial-types.ts: entries,
 * categories, the site settings; not the insight aggregates) and the media library's file list.
 * Nothing else: a single type's route has no `findOne`, and `update` / `delete` are never given.
 */
export function siteTokenPermissions(strapi: Core.Strapi): string[] {
	return [
		...editorialTypes(strapi).flatMap((uid) =>
			strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.kind === "singleType"
				? [`${uid}.find`]
				: [`${uid}.find`, `${uid}.findOne`],
		),
		...MEDIA_READ_PERMISSIONS,
	];
}

/**
 * Which tokens' values this data folder was given, by name: their ids. A token file missing for a
 * token the folder held was deleted on purpose (SECURITY.md: deleting it rotates the token); missing
 * for a token it never held, the token was made by another CMS process on the same database.
 */
class HeldTokens {
	private readonly held: Record<string, number>;
	private readonly file: string;
	constructor(file: string) {
		this.file = file;
		this.held = existsSync(file) ? readHeld(file) : {};
	}
	has(name: string, id: number): boolean {
		return this.held[name] === id;
	}
	set(name: string, id: number): void {
		if (this.held[name] === id) return;
		this.held[name] = id;
		writeFileSync(this.file, `${JSON.stringify(this.held, null, 2)}\n`, { mode: 0o600 });
	}
}

/** A damaged record counts as none: the worst that follows is a token taken back from the database rather than regenerated. */
function readHeld(file: string): Record<string, number> {
	try {
		const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
		return parsed && typeof parsed === "object" ? (parsed as Record<string, number>) : {};
	} catch {
		return {};
	}
}

/**
 * The value of a token another CMS process made, from the database, where Strapi keeps it encrypted
 * with ENCRYPTION_KEY: only a process with the same ENCRYPTION_KEY and API_TOKEN_SALT gets it.
 */
function recoverValue(strapi: Core.Strapi, tokens: TokenService, stored: StoredToken | null): string | undefined {
	if (!stored?.encryptedKey) return undefined;
	const encryption = strapi.service("admin::encryption") as unknown as { decrypt(value: string): string | null };
	try {
		const value = encryption.decrypt(stored.encryptedKey);
		return value && tokens.hash(value) === stored.accessKey ? value : undefined;
	} catch {
		return undefined;
	}
}

interface StoredToken {
	accessKey: string;
	encryptedKey: string | null;
}

/**
 * Ensures a named token exists and that `file` holds its value. Creates it when missing. When `file`
 * does not hold its value, the token is regenerated (the old value stops working), except on a
 * database several CMS processes share (PostgreSQL) when this folder never held the token: another
 * process made it, and its value is taken back from the database instead (regenerating it would
 * break that process's copy). On SQLite, one process owns the database, so a missing file always
 * means a rotation: a value that may have leaked is never brought back.
 */
async function ensureTokenFile(
	strapi: Core.Strapi,
	tokens: TokenService,
	held: HeldTokens | undefined,
	name: string,
	file: string,
	create: () => Promise<{ id: number; accessKey: string }>,
): Promise<void> {
	const existing = await tokens.getByName(name);
	if (!existing) {
		const created = await create();
		writeToken(file, created.accessKey);
		held?.set(name, created.id);
		strapi.log.info(`Created the "${name}" API token; its value is in ${file}.`);
		return;
	}
	const stored = (await strapi.db
		.query("admin::api-token")
		.findOne({ where: { id: existing.id }, select: ["accessKey", "encryptedKey"] })) as StoredToken | null;
	const onDisk = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
	if (onDisk && tokens.hash(onDisk) === stored?.accessKey) {
		held?.set(name, existing.id);
		return;
	}
	const madeElsewhere = held !== undefined && !held.has(name, existing.id);
	const recovered = madeElsewhere ? recoverValue(strapi, tokens, stored) : undefined;
	if (recovered) {
		writeToken(file, recovered);
		held?.set(name, existing.id);
		strapi.log.warn(
			`Wrote the value of the "${name}" API token, made by another CMS process on this database, into ${file}. To rotate it instead, delete ${file} again and restart: this folder now holds it.`,
		);
		return;
	}
	writeToken(file, (await tokens.regenerate(existing.id)).accessKey);
	held?.set(name, existing.id);
	strapi.log.info(`Regenerated the "${name}" API token, whose value was not in ${file}.`);
}

/**
 * Ensures the tokens local tools use, and removes Strapi's auto-created ones:
 * - "Aide site build", a content-API token that reads entries, categories, the site settings and the
 *   media library's list of files, for the site build;
 * - "Aide preview", the same reads with drafts allowed, for the site service's draft preview;
 * - "Aide insights", a content-API token that may only call `POST /api/aide-insights/record`, for the
 *   portal, which sends the CMS what readers searched and how they voted;
 * - "Aide import", an admin token owned by the first super admin with an editor's content
 *   permissions, for `npm run import` / `npm run export`.
 */
export async function ensureApiTokens(
	strapi: Core.Strapi,
	files: Settings["tokenFiles"],
	{ sharedDatabase }: { sharedDatabase: boolean },
): Promise<void> {
	const contentTokens = strapi.service("admin::api-token-content-api") as unknown as TokenService;
	// Which tokens this folder made or was given: only needed where another process may make them.
	const held = sharedDatabase ? new HeldTokens(join(dirname(files.site), "token-ids.json")) : undefined;
	for (const name of DEFAULT_TOKEN_NAMES) {
		const token = await contentTokens.getByName(name);
		if (token && token.type !== "custom") {
			await contentTokens.revoke(token.id);
			strapi.log.info(`Removed Strapi's default "${name}" API token; the site build uses "${SITE_TOKEN_NAME}".`);
		}
	}

	// The site and preview tokens read entries, categories, the site settings and the media library's list, nothing else;
	// only the preview token may ask for drafts. The insights token may record insights, nothing else.
	const reads = siteTokenPermissions(strapi);
	const contentTokenSpecs = [
		{
			name: SITE_TOKEN_NAME,
			file: files.site,
			description: "Read-only access for the site build: published FAQ entries, categories, site settings and the media library's list.",
			permissions: reads,
		},
		{
			name: PREVIEW_TOKEN_NAME,
			file: files.preview,
			description:
				"Read-only access for draft previews: FAQ entries, categories and site settings, drafts included, and the media library's list.",
			permissions: reads,
		},
		{
			name: INSIGHTS_TOKEN_NAME,
			file: files.insights,
			description: "For the portal: records reader insights (searches and votes, aggregated per day). Reads nothing, writes nothing else.",
			permissions: [INSIGHT_RECORD_ACTION],
		},
	];
	for (const { name, file, description, permissions } of contentTokenSpecs) {
		await ensureTokenFile(strapi, contentTokens, held, name, file, () =>
			contentTokens.create({ name, description, type: "custom", lifespan: null, permissions }),
		);
		const token = await contentTokens.getByName(name);
		if (token) await contentTokens.update(token.id, { type: "custom", permissions });
	}

	const owner = await strapi.db.query("admin::user").findOne({ where: { roles: { code: "strapi-super-admin" } }, orderBy: { id: "asc" } });
	if (!owner) return;
	const adminTokens = strapi.service("admin::api-token-admin") as unknown as TokenService;
	await ensureTokenFile(strapi, adminTokens, held, IMPORT_TOKEN_NAME, files.import, () =>
		adminTokens.create(
			{
				name: IMPORT_TOKEN_NAME,
				description: "Used by npm run import / export: reads and writes FAQ entries and categories.",
				lifespan: null,
				adminPermissions: editorContentPermissions(strapi).filter((permission) => IMPORTED_TYPES.has(permission.subject ?? "")),
			},
			owner,
		),
	);
}

function writeToken(file: string, accessKey: string): void {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, `${accessKey}\n`, { mode: 0o600 });
}
