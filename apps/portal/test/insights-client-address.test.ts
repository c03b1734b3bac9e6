// The address an event counts against: never one a client can choose by writing X-Forwarded-For.
import { expect, it } from "vitest";
import { clientAddress } from "../src/server/insights/client-address.ts";
import { RateLimit } from "../src/server/insights/rate-limit.ts";

it("is the connection's address without proxies, whatever X-Forwarded-For says", () => {
	expect(clientAddress("127.0.0.1", "203.0.113.9", 0)).toBe("127.0.0.1");
	expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
});

it("is the address the outermost proxy saw behind AIDE_PROXY_HOPS proxies, not what the client wrote before it", () => {
	// The client wrote "1.1.1.1"; the one proxy appended the address it saw.
	expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
	// Two proxies: the outer one appended the client's address, the inner one the outer one's.
	expect(clientAddress("10.0.0.2", ["1.1.1.1, 198.51.100.7", "10.0.0.1"], 2)).toBe("198.51.100.7");
	// A request that did not come through the proxies.
	expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
	expect(clientAddress("10.0.0.2", "198.51.100.7", 2)).toBe("198.51.100.7");
});

it("is the connection's address when the entry behind the proxies is not an IP address: the client's text is never a key", () => {
	const bogus = `${"x".repeat(16_000)}, 198.51.100.7`;
	expect(clientAddress("10.0.0.2", bogus, 2)).toBe("10.0.0.2");
	expect(clientAddress("10.0.0.2", "1.1.1.1, not-an-address", 1)).toBe("10.0.0.2");
	expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7:4711", 1)).toBe("10.0.0.2");
});

it("is an IPv6 client's /64, whatever address of it and however written; an IPv4 client of a dual-stack server is its IPv4 address", () => {
	const limit = new RateLimit({ burst: 2, perSecond: 0.001, maxClients: 100 });
	// One client rotating its addresses within its /64, behind one proxy, then connecting directly.
	expect(limit.take(clientAddress("10.0.0.2", "2001:db8:a:b::1", 1))).toBe(0);
	expect(limit.take(clientAddress("10.0.0.2", "2001:DB8:A:B:FFFF:1:2:3", 1))).toBe(0);
	expect(limit.take(clientAddress("2001:0db8:000a:000b:0:0:0:9", undefined, 0))).toBeGreaterThan(0);
	// The next /64 is another client.
	expect(limit.take(clientAddress("10.0.0.2", "2001:db8:a:c::1", 1))).toBe(0);
	expect(clientAddress("::ffff:198.51.100.7", undefined, 0)).toBe("198.51.100.7");
	expect(clientAddress("10.0.0.2", "::ffff:c633:6407", 1)).toBe("198.51.100.7");
	expect(clientAddress("fe80::1%eth0", undefined, 0)).toBe("fe80:0:0:0::/64");
});
