// Readers on the public site: `connections` clients reading its pages over and over (autocannon),
// gzip accepted as browsers do. Latencies go into an HDR histogram, for the p50 / p95.
import autocannon from "autocannon";
import { latencyHistogram } from "./read-load.ts";

export interface SiteReads {
	requests: number;
	p50Ms: number;
	p95Ms: number;
	errors: number;
}

export async function measureSiteReads(
	siteUrl: string,
	paths: readonly string[],
	connections: number,
	seconds: number,
): Promise<SiteReads> {
	const latencies = latencyHistogram();
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url: siteUrl,
				connections,
				duration: seconds,
				headers: { "accept-encoding": "gzip, br" },
				requests: paths.map((path) => ({ method: "GET" as const, path })),
			},
			(error, done) => (error ? reject(error) : resolve(done)),
		);
		instance.on("response", (_client, _status, _bytes, responseTime) => latencies.recordValue(Math.max(1, Math.round(responseTime))));
	});
	const reads = {
		requests: result.requests.total,
		p50Ms: latencies.getValueAtPercentile(50),
		p95Ms: latencies.getValueAtPercentile(95),
		errors: result.errors + result.timeouts + result.non2xx,
	};
	latencies.destroy();
	return reads;
}
