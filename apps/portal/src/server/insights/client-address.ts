// Whose events these are, for the rate limit: the address that connected, or behind reverse proxies
// (AIDE_PROXY_HOPS of them), the address the outermost proxy saw. Each proxy appends the address it
// got the request from to X-Forwarded-For, so that is the entry `hops` from the right; the entries
// left of it are the client's own writing, which a flood would vary to dodge the limit.

/** The client's address: `remoteAddress` when `proxyHops` is 0 or the header is absent, else the X-Forwarded-For entry `proxyHops` from the right. */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, proxyHops: number): string {
	const socket = remoteAddress ?? "unknown";
	if (proxyHops === 0 || forwardedFor === undefined) return socket;
	const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
		.split(",")
		.map((entry) => entry.trim())
		.filter(Boolean);
	// Fewer entries than proxies: the request skipped one; the left-most is the best there is.
	return entries[Math.max(0, entries.length - proxyHops)] ?? socket;
}
