import { WEBHOOK_SECRET_HEADER } from "@aide/site-link";
import type { Core } from "@strapi/strapi";
import type { Settings } from "../settings";

export const REBUILD_WEBHOOK_NAME = "Aide site rebuild";
/** What changes the public site. Draft saves also send entry.create / entry.update; the site service ignores those. */
const EVENTS = ["entry.create", "entry.update", "entry.delete", "entry.publish", "entry.unpublish"];

interface Webhook {
	id: string | number;
	name: string;
	url: string;
	headers: Record<string, string>;
	events: string[];
	isEnabled: boolean;
}

interface WebhookStore {
	findWebhooks(): Promise<Webhook[]>;
	createWebhook(data: Omit<Webhook, "id" | "isEnabled">): Promise<Webhook>;
	updateWebhook(id: Webhook["id"], data: Omit<Webhook, "id">): Promise<Webhook | null>;
}

interface WebhookRunner {
	add(webhook: Webhook): void;
	update(webhook: Webhook): void;
}

/**
 * Ensures the webhook that tells the site service to rebuild: created on the first start, and put
 * back to the settings' URL, secret and events on every start (Strapi loaded it before this runs, so
 * its runner is told too). An admin may disable it in the UI; that choice is kept.
 */
export async function ensureRebuildWebhook(strapi: Core.Strapi, settings: Settings): Promise<void> {
	const store = strapi.get("webhookStore") as WebhookStore;
	const runner = strapi.get("webhookRunner") as WebhookRunner;
	const wanted = {
		name: REBUILD_WEBHOOK_NAME,
		url: `${settings.siteServiceUrl}/rebuild`,
		headers: { [WEBHOOK_SECRET_HEADER]: settings.secrets.AIDE_WEBHOOK_SECRET },
		events: EVENTS,
	};
	const existing = (await store.findWebhooks()).find((webhook) => webhook.name === REBUILD_WEBHOOK_NAME);
	if (!existing) {
		runner.add(await store.createWebhook(wanted));
		strapi.log.info(`Created the "${REBUILD_WEBHOOK_NAME}" webhook: ${wanted.url}`);
		return;
	}
	const same =
		existing.url === wanted.url &&
		JSON.stringify(existing.headers) === JSON.stringify(wanted.headers) &&
		[...existing.events].sort().join() === [...wanted.events].sort().join();
	if (same) return;
	const updated = await store.updateWebhook(existing.id, { ...wanted, isEnabled: existing.isEnabled });
	if (updated) runner.update(updated);
	strapi.log.info(`Updated the "${REBUILD_WEBHOOK_NAME}" webhook: ${wanted.url}`);
}
