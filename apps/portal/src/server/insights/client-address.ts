// Whose events these are, for the rate limit: the address that connected, or behind reverse proxies
// (AIDE_PROXY_HOPS of them), the address the outermost proxy saw. Each proxy appends the address it
// got the request from to X-Forwarded-For, so that is the entry `hops` from the right; the entries
// left of it are the client's own writing, which a flood would vary to dodge the limit.
//
// The key is short whatever the header says: an entry that is not an IP address (net.isIP) is not
// taken, the socket's address is; and an IPv6 client counts by its /64, the block one subscriber or
// host is given, within which it may pick a new address for each request.
import { isIP } from "node:net";

/** An IPv6 address's eight 16-bit groups (`::` expanded, a trailing dotted IPv4 part as two groups, the zone dropped). */
function ipv6Groups(address: string): number[] {
	let text = address.split("%")[0] ?? "";
	const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
	if (dotted) {
		const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
		text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head = "", tail] = text.split("::");
	const parse = (part: string) => (part ? part.split(":").map((group) => Number.parseInt(group, 16)) : []);
	const left = parse(head);
	const right = tail === undefined ? [] : parse(tail);
	return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The rate limit's key of an address net.isIP accepts: an IPv4 address itself (IPv4-mapped IPv6 too), an IPv6 one's /64. */
export function addressKey(address: string): string {
	if (isIP(address) === 4) return address;
	const groups = ipv6Groups(address);
	// ::ffff:a.b.c.d is an IPv4 client of a dual-stack server: one address, not the /64 of all of them.
	if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
		const [high = 0, low = 0] = groups.slice(6);
		return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
	}
	return `${groups
		.slice(0, 4)
		.map((group) => group.toString(16))
		.join(":")}::/64`;
}

/**
 * The rate limit's key of the client (see addressKey): `remoteAddress` when `proxyHops` is 0 or the header
 * is absent, else the X-Forwarded-For entry `proxyHops` from the right when it is an IP address.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, proxyHops: number): string {
	const socket = remoteAddress && isIP(remoteAddress) ? addressKey(remoteAddress) : "unknown";
	if (proxyHops === 0 || forwardedFor === undefined) return socket;
	const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
		.split(",")
		.map((entry) => entry.trim())
		.filter(Boolean);
	// Fewer entries than proxies: the request skipped one; the left-most is the best there is.
	const entry = entries[Math.max(0, entries.length - proxyHops)];
	// Anything else is text of the client's choosing (of any length): the socket is all that is known.
	return entry !== undefined && isIP(entry) ? addressKey(entry) : socket;
}
