// The portal's end of the reader-insights loop, put together: the events route of the public site,
// the in-memory aggregates and the sink that flushes them into the CMS.
import type { IncomingMessage, ServerResponse } from "node:http";
import { InsightAggregator } from "./aggregator.ts";
import { CmsSink } from "./cms-sink.ts";
import { type EventCounts, eventsRoute } from "./events-route.ts";
import { RateLimit, type RateLimitOptions } from "./rate-limit.ts";

export interface ReaderInsightsOptions {
	/** The CMS's URL, where the counts go. */
	cmsUrl: string;
	/** The insights token's file (dataFiles(dir).tokens.insights), read at each send. */
	tokenFile: string;
	/** Seconds between two sends (AIDE_INSIGHTS_FLUSH_SECONDS). */
	flushSeconds: number;
	/** The site's public origin (SITE_URL's): pages of it may send events. */
	siteOrigin: string;
	/** Reverse proxies in front of the public server, whose X-Forwarded-For entries name the client (default 0). */
	proxyHops?: number;
	/** Keys and comments held at most while the CMS is away (default 5,000). */
	maxBuffered?: number;
	/** Events per address (default: a burst of 30, then one a second; 10,000 addresses remembered). */
	rateLimit?: RateLimitOptions;
}

export interface ReaderInsights {
	handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
	/** What was done with the accepted events. */
	counts: EventCounts;
	/** Sends what is counted now (tests; the timer does it every flushSeconds). */
	flush(): Promise<void>;
	/** Waits for the events being received (a second at most), sends once more (for a few seconds at most) and stops. */
	close(): Promise<void>;
}

export function startReaderInsights(options: ReaderInsightsOptions, log: (message: string) => void): ReaderInsights {
	const aggregator = new InsightAggregator(options.maxBuffered ?? 5_000);
	const sink = new CmsSink({ aggregator, cmsUrl: options.cmsUrl, tokenFile: options.tokenFile, flushMs: options.flushSeconds * 1000, log });
	const limit = new RateLimit(options.rateLimit ?? { burst: 30, perSecond: 1, maxClients: 10_000 });
	const route = eventsRoute({ aggregator, sink, limit, siteOrigin: options.siteOrigin, proxyHops: options.proxyHops ?? 0 });
	sink.start();
	// Requests being answered when the service stops: their events are counted before the last send.
	const inProgress = new Set<Promise<void>>();
	const handle = (request: IncomingMessage, response: ServerResponse) => {
		const handled = route.handle(request, response).finally(() => inProgress.delete(handled));
		inProgress.add(handled);
		return handled;
	};
	const close = async () => {
		// A client still sending its body gets a second, not the shutdown's whole time.
		await Promise.race([Promise.allSettled(inProgress), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
		await sink.close();
	};
	return { handle, counts: route.counts, flush: () => sink.flush(), close };
}
