import { describe, expect, it } from "vitest";
import { cmsReadyLine, saysCmsIsReady } from "../index.js";

describe("the CMS's ready line", () => {
	it("names the admin panel's address and is recognised in the launcher's output", () => {
		expect(cmsReadyLine("http://127.0.0.1:1337")).toBe("aide: the CMS is ready: http://127.0.0.1:1337/admin (Ctrl-C stops it)");
		expect(saysCmsIsReady(`aide: starting\n\n${cmsReadyLine("http://[::1]:1337/")}\n`)).toBe(true);
		expect(saysCmsIsReady("aide: the CMS is starting")).toBe(false);
	});
});
