// Reads the CMS the way a site build does: every page of every locale's entries, pages of 250 with
// the build's relations, over and over, by N concurrent readers for a bounded time (autocannon).
// (autocannon's connections each walk the list from its start, all on the same page at the same
// time: the whole corpus is read once first, as a build would, so that they measure reads, not that.)
// Requests ask for gzip, as the build's fetch does. Latencies go into an HDR histogram of their own
// so that the p95 can be reported (autocannon's summary stops at p90 and p97.5).
import { fetchSiteContent } from "@aide/cms-client";
import { localeCodes } from "@aide/locales";
import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";

export interface ReadLoad {
	url: string;
	token: string;
	/** Entries per locale: how many pages there are to read. */
	entriesPerLocale: number;
	readers: number;
	seconds: number;
}

export interface ReadFigures {
	requests: number;
	requestsPerSecond: number;
	bytesPerSecond: number;
	p50Ms: number;
	p95Ms: number;
	p99Ms: number;
	errors: number;
	statuses: Record<string, number>;
}

export const PAGE_SIZE = 250;

/** Milliseconds, from 1 ms to 2 minutes, to 3 significant digits: what the read and write latencies go into. */
export const latencyHistogram = () =>
	hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000, numberOfSignificantValueDigits: 3 });

/** The requests of a whole-corpus read, as packages/cms-client makes them. */
export function buildReads(entriesPerLocale: number) {
	const pageCount = Math.max(1, Math.ceil(entriesPerLocale / PAGE_SIZE));
	return localeCodes.flatMap((locale) =>
		Array.from({ length: pageCount }, (_, index) => ({
			method: "GET" as const,
			path: `/api/faq-entries?locale=${locale}&sort=order:asc&populate[category][fields][0]=slug&populate[related][fields][0]=slug&pagination[page]=${index + 1}&pagination[pageSize]=${PAGE_SIZE}`,
		})),
	);
}

/** Reads for `load.seconds` and measures. */
export async function measureReads(load: ReadLoad): Promise<ReadFigures & { ms: number }> {
	const latencies = latencyHistogram();
	const statuses: Record<string, number> = {};
	const started = performance.now();
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url: load.url,
				connections: load.readers,
				duration: load.seconds,
				headers: { authorization: `Bearer ${load.token}`, "accept-encoding": "gzip, deflate, br" },
				requests: buildReads(load.entriesPerLocale),
			},
			(error, done) => (error ? reject(error) : resolve(done)),
		);
		instance.on("response", (_client, statusCode, _bytes, responseTime) => {
			latencies.recordValue(Math.max(1, Math.round(responseTime)));
			statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
		});
	});
	const figures = {
		requests: result.requests.total,
		requestsPerSecond: Math.round(result.requests.average),
		bytesPerSecond: Math.round(result.throughput.average),
		p50Ms: latencies.getValueAtPercentile(50),
		p95Ms: latencies.getValueAtPercentile(95),
		p99Ms: latencies.getValueAtPercentile(99),
		errors: result.errors + result.timeouts + result.non2xx,
		statuses,
		ms: performance.now() - started,
	};
	latencies.destroy();
	return figures;
}

/**
 * The CMS as a site build finds it, then as readers do: one read of the whole corpus with the site's
 * own client (as a build does; the cache is empty after any write), then `load.seconds` of reads.
 */
export async function readLoad(load: ReadLoad): Promise<{ firstReadMs: number; steady: ReadFigures & { ms: number } }> {
	const started = performance.now();
	await fetchSiteContent({ url: load.url, token: load.token });
	const firstReadMs = performance.now() - started;
	return { firstReadMs, steady: await measureReads(load) };
}
