import { AsyncLocalStorage } from "node:async_hooks";
import { isDraftSave, REBUILD_EVENTS } from "@aide/cms-contract";
import { WEBHOOK_SECRET_HEADER } from "@aide/site-link";

/** The site service answers at once (it rebuilds in the background): a call that takes longer is given up. */
export const REBUILD_CALL_TIMEOUT_MS = 10_000;
/** A bulk publish (an import) makes hundreds of events: a few calls at a time, the rest wait, and beyond this they are dropped. */
const MAX_IN_FLIGHT = 4;
const MAX_WAITING = 1000;
/** While the site service stays unreachable, one line a minute says how many calls failed, not one line per call. */
const FAILURE_REPORT_INTERVAL_MS = 60_000;

/**
 * What Strapi's event hub gives a listener; sent with the event's name and time, it is the body
 * Strapi's webhooks send, the contract's `RebuildCall` once JSON has made strings of its dates.
 */
export interface EntryEvent {
	model?: string;
	uid?: string;
	entry?: { publishedAt?: unknown; documentId?: unknown } | null;
}

interface Logger {
	info(message: string): unknown;
	warn(message: string): unknown;
}

/** What this file needs of Strapi: its event hub and its log. */
export interface EventSource {
	eventHub: {
		on(event: string, listener: (info?: EntryEvent) => Promise<void>): unknown;
		off(event: string, listener: (info?: EntryEvent) => Promise<void>): unknown;
	};
	log: Logger;
}

export interface RebuildTarget {
	/** The site service (AIDE_SITE_SERVICE_URL). */
	siteServiceUrl: string;
	/** AIDE_WEBHOOK_SECRET, as read from the settings at start. */
	secret: string;
	timeoutMs?: number;
}

/**
 * Says the first failure in full, then counts: one line a minute while calls keep failing, and one
 * when a call gets through again.
 */
export function failureLog(log: Logger, now: () => number = Date.now) {
	let failingSince: number | undefined;
	let lastReport = 0;
	let unreported = 0;
	return {
		failed(reason: string): void {
			if (failingSince === undefined) {
				failingSince = lastReport = now();
				unreported = 0;
				log.warn(
					`Could not ask the site service to rebuild the public site: ${reason}. The public site stays as it is until a call gets through. Further failures are counted, one line a minute.`,
				);
				return;
			}
			unreported++;
			if (now() - lastReport >= FAILURE_REPORT_INTERVAL_MS) {
				log.warn(`${unreported} more rebuild calls to the site service failed in the last minute; the last: ${reason}.`);
				lastReport = now();
				unreported = 0;
			}
		},
		succeeded(): void {
			if (failingSince === undefined) return;
			log.info(`The site service takes rebuild calls again (${unreported} failed since the last message).`);
			failingSince = undefined;
		},
	};
}

/** Why a call failed, in words an operator can act on. */
function describeFailure(url: string, timeoutMs: number, error: unknown, status?: number): string {
	if (status === 401)
		return `${url} answered 401: it refuses the secret. The CMS and the site service must share AIDE_WEBHOOK_SECRET (npm start gives both the value in secrets.env)`;
	if (status !== undefined) return `${url} answered ${status}`;
	if (error instanceof Error && error.name === "TimeoutError") return `${url} did not answer within ${timeoutMs / 1000} s`;
	const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
	return `${url} is unreachable (${cause}); is the site service running (npm start), and does AIDE_SITE_SERVICE_URL point at it?`;
}

/** Set while {@link oneRebuildCall} runs: whether its one call has gone out. */
const batch = new AsyncLocalStorage<{ sent: boolean }>();

/**
 * Runs `write` so that all its changes make one rebuild call, not one per event: the first change to
 * published content is sent, the others are dropped, as the rebuild it asks for covers them all. An
 * import page publishes hundreds of entries in one transaction; one call per entry made the CMS post
 * them one by one while it imported the next page. Strapi sends a transaction's events after the
 * commit, from within it: they see this context wherever they arrive; a rolled-back write sends none.
 */
export function oneRebuildCall<T>(write: () => Promise<T>): Promise<T> {
	return batch.run({ sent: false }, write);
}

/**
 * Asks the site service for a rebuild on every change to published content, from this process:
 * the secret is read from the settings and sent in {@link WEBHOOK_SECRET_HEADER}, and never stored
 * in the database (a Strapi webhook would keep it in `strapi_webhooks`, and so in every backup).
 * One call per event (per write, inside {@link oneRebuildCall}), the same body Strapi's webhooks send;
 * draft saves are not sent, as the site service would ignore them. Returns a function that stops listening.
 */
export function startRebuildCalls(
	strapi: EventSource,
	{ siteServiceUrl, secret, timeoutMs = REBUILD_CALL_TIMEOUT_MS }: RebuildTarget,
): () => void {
	const url = `${siteServiceUrl}/rebuild`;
	const failures = failureLog(strapi.log);
	const waiting: Array<{ event: string; body: string }> = [];
	let inFlight = 0;
	let dropped = 0;

	const send = async (event: string, body: string): Promise<void> => {
		try {
			const response = await fetch(url, {
				method: "POST",
				headers: {
					[WEBHOOK_SECRET_HEADER]: secret,
					"X-Strapi-Event": event,
					"Content-Type": "application/json",
				},
				body,
				signal: AbortSignal.timeout(timeoutMs),
			});
			await response.body?.cancel();
			if (response.ok) failures.succeeded();
			else failures.failed(describeFailure(url, timeoutMs, undefined, response.status));
		} catch (error) {
			failures.failed(describeFailure(url, timeoutMs, error));
		}
	};

	const pump = (): void => {
		while (inFlight < MAX_IN_FLIGHT && waiting.length > 0) {
			const next = waiting.shift();
			if (!next) break;
			inFlight++;
			void send(next.event, next.body).finally(() => {
				inFlight--;
				pump();
			});
		}
	};

	const listeners = REBUILD_EVENTS.map((event) => {
		const listener = async (info: EntryEvent = {}): Promise<void> => {
			// Draft saves also send entry.create / entry.update: readers see no change, so no call.
			if (isDraftSave({ event, entry: info.entry })) return;
			const inBatch = batch.getStore();
			if (inBatch?.sent) return;
			if (inBatch) inBatch.sent = true;
			if (waiting.length >= MAX_WAITING) {
				if (dropped++ === 0)
					strapi.log.warn(
						`More than ${MAX_WAITING} rebuild calls are waiting for the site service; further ones are dropped until it catches up (one rebuild covers them all).`,
					);
				return;
			}
			if (waiting.length === 0) dropped = 0;
			waiting.push({ event, body: JSON.stringify({ event, createdAt: new Date(), ...info }) });
			pump();
		};
		strapi.eventHub.on(event, listener);
		return () => strapi.eventHub.off(event, listener);
	});
	return () => {
		for (const stop of listeners) stop();
	};
}
