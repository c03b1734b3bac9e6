// Putting the media files a build's answers show among its public files, from a media store made
// here: linked by name, never by a path, and a file missing from the store fails the build.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { linkMedia } from "../src/index.ts";

const work = mkdtempSync(join(tmpdir(), "aide-media-"));
const store = join(work, "store");
mkdirSync(store);
writeFileSync(join(store, "shot-0123abcd.png"), "png bytes");
writeFileSync(join(work, "secret-0123abcd.png"), "not the store's");
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("linkMedia", () => {
	it("links the store's files into the build's media/ folder, sharing their bytes", () => {
		const client = join(work, "build-1");
		linkMedia(client, ["shot-0123abcd.png"], store);
		const copy = join(client, "media", "shot-0123abcd.png");
		expect(readFileSync(copy, "utf8")).toBe("png bytes");
		expect(statSync(copy).ino).toBe(statSync(join(store, "shot-0123abcd.png")).ino);
	});

	it("refuses a name that is not the store's or a file the store lacks, saying what to do", () => {
		const client = join(work, "build-2");
		for (const name of ["../secret-0123abcd.png", "gone-89abcdef.png"]) {
			expect(() => linkMedia(client, [name], store)).toThrow(
				`The answers show the media file ${JSON.stringify(name)}, which is not in the media store ${store} (it was removed during the build, or the name is not one the build writes). Build again.`,
			);
		}
		expect(existsSync(join(client, "secret-0123abcd.png"))).toBe(false);
	});
});
