import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Core } from "@strapi/strapi";

export const SITE_TOKEN_NAME = "Aide site build";

/** Strapi's auto-created tokens: broader than anything the product needs. */
const DEFAULT_TOKEN_NAMES = ["Full Access", "Read Only"];

interface TokenService {
	getByName(name: string): Promise<{ id: number; type: string } | null>;
	create(attributes: object): Promise<{ id: number; accessKey: string }>;
	update(id: number, attributes: object): Promise<unknown>;
	regenerate(id: number): Promise<{ accessKey: string }>;
	revoke(id: number): Promise<unknown>;
	hash(accessKey: string): string;
}

/** What the site build may do: read entries and categories. Nothing else. */
export function siteTokenPermissions(strapi: Core.Strapi): string[] {
	return Object.keys(strapi.contentTypes)
		.filter((uid) => uid.startsWith("api::"))
		.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
}

/** Where the local site build finds the token: `<data dir>/site-token`, readable by its owner only. */
export function siteTokenFile(dataDir: string): string {
	return join(dataDir, "site-token");
}

/**
 * Ensures the least-privilege token the site build reads with, and writes its value to the data
 * folder so that the local build needs no manual step. Removes Strapi's auto-created tokens.
 */
export async function ensureSiteToken(strapi: Core.Strapi, dataDir: string): Promise<void> {
	const tokens = strapi.service("admin::api-token-content-api") as unknown as TokenService;
	for (const name of DEFAULT_TOKEN_NAMES) {
		const token = await tokens.getByName(name);
		if (token && token.type !== "custom") {
			await tokens.revoke(token.id);
			strapi.log.info(`Removed Strapi's default "${name}" API token; the site build uses "${SITE_TOKEN_NAME}".`);
		}
	}

	const permissions = siteTokenPermissions(strapi);
	const attributes = {
		name: SITE_TOKEN_NAME,
		description: "Read-only access for the site build: published FAQ entries and categories.",
		type: "custom",
		lifespan: null,
		permissions,
	};
	const file = siteTokenFile(dataDir);
	const existing = await tokens.getByName(SITE_TOKEN_NAME);
	if (!existing) {
		const created = await tokens.create(attributes);
		writeToken(file, created.accessKey);
		strapi.log.info(`Created the "${SITE_TOKEN_NAME}" API token; its value is in ${file}.`);
		return;
	}
	await tokens.update(existing.id, { permissions, type: "custom" });
	const stored = (await strapi.db.query("admin::api-token").findOne({ where: { id: existing.id }, select: ["accessKey"] })) as {
		accessKey: string;
	} | null;
	const onDisk = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
	if (!onDisk || tokens.hash(onDisk) !== stored?.accessKey) {
		const { accessKey } = await tokens.regenerate(existing.id);
		writeToken(file, accessKey);
		strapi.log.info(`Regenerated the "${SITE_TOKEN_NAME}" API token, whose value was not in ${file}.`);
	}
}

function writeToken(file: string, accessKey: string): void {
	mkdirSync(join(file, ".."), { recursive: true });
	writeFileSync(file, `${accessKey}\n`, { mode: 0o600 });
}
