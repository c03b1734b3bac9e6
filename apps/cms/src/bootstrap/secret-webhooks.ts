import { WEBHOOK_SECRET_HEADER } from "@aide/site-link";
import type { Core } from "@strapi/strapi";

/** The webhook earlier versions created to ask for rebuilds; it kept AIDE_WEBHOOK_SECRET in the database. */
export const OLD_REBUILD_WEBHOOK_NAME = "Aide site rebuild";

interface Webhook {
	id: string | number;
	name: string;
	headers: Record<string, string> | null;
	events: string[];
}

interface WebhookStore {
	findWebhooks(): Promise<Webhook[]>;
	deleteWebhook(id: Webhook["id"]): Promise<unknown>;
}

interface WebhookRunner {
	remove(webhook: Webhook): void;
}

/**
 * Removes every webhook that stores the rebuild secret: the "Aide site rebuild" webhook of earlier
 * versions (the CMS now makes that call itself, see rebuild-calls.ts), and any other carrying the
 * secret's header. A secret in the database ends up in every backup, which must hold none.
 */
export async function removeSecretWebhooks(strapi: Core.Strapi): Promise<void> {
	const store = strapi.get("webhookStore") as WebhookStore;
	const runner = strapi.get("webhookRunner") as WebhookRunner;
	const holdsSecret = (webhook: Webhook) =>
		webhook.name === OLD_REBUILD_WEBHOOK_NAME ||
		Object.keys(webhook.headers ?? {}).some((header) => header.toLowerCase() === WEBHOOK_SECRET_HEADER);
	const found = (await store.findWebhooks()).filter(holdsSecret);
	if (found.length === 0) return;
	for (const webhook of found) {
		runner.remove(webhook);
		await store.deleteWebhook(webhook.id);
		strapi.log.info(
			`Removed the webhook "${webhook.name}", which kept the rebuild secret in the database: the CMS now asks the site service for rebuilds itself.`,
		);
	}
	// SQLite keeps the bytes of deleted rows, and of every earlier version of an updated one, in free
	// space that a backup copies page by page: rewriting the file leaves none of them. Once, as it is
	// only needed when a webhook held the secret. (PostgreSQL's dumps hold live rows only.)
	if (strapi.db.dialect.client === "sqlite") await strapi.db.connection.raw("VACUUM");
}
