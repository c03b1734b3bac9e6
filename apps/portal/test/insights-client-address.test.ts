// The address an event counts against: never one a client can choose by writing X-Forwarded-For.
import { expect, it } from "vitest";
import { clientAddress } from "../src/server/insights/client-address.ts";

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
