// The listing of a built site (src/server/site-files.ts): what a URL path finds, and the listing of a
// linked copy in which the one-entry fast path changed a few files, which must find exactly what a
// listing of the whole copy finds.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SiteFiles } from "../src/server/site-files.ts";

const work = mkdtempSync(join(tmpdir(), "aide-site-files-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>): void {
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(join(dir, name, ".."), { recursive: true });
		writeFileSync(join(dir, name), content);
	}
}

/** Every name under `dir`, in URL form, as a reader could ask for it. */
const namesIn = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((name) => `/${name}`);

describe("a site's listing", () => {
	const site = join(work, "site");
	write(site, {
		"index.html": "home",
		"fr/index.html": "accueil",
		"fr/index.html.br": "br",
		"fr/index.html.gz": "gz",
		"fr/faq/éte/index.html": "été",
		"downloads/archive.gz": "an archive of its own",
		".secret": "hidden",
		".well-known/security.txt": "contact",
	});
	const files = SiteFiles.list(site);

	it("finds a page by its folder, names its copies, and leaves dotfiles and copies out as files", () => {
		expect(files.find("/fr/")).toEqual({
			name: "/fr/index.html",
			path: join(site, "fr/index.html"),
			copies: { br: join(site, "fr/index.html.br"), gzip: join(site, "fr/index.html.gz") },
		});
		expect(files.find("/")?.name).toBe("/index.html");
		expect(files.find("/fr/faq/éte")?.name).toBe("/fr/faq/éte/index.html");
		expect(files.find("/fr/index.html.br")).toBeUndefined();
		expect(files.find("/downloads/archive.gz")?.copies).toEqual({});
		expect(files.find("/.secret")).toBeUndefined();
		expect(files.find("/.well-known/security.txt")?.name).toBe("/.well-known/security.txt");
	});

	it("of a linked copy where a few files changed, lists what a listing of the whole copy lists", () => {
		const copy = join(work, "copy");
		cpSync(site, copy, { recursive: true });
		// A page replaced, now too small for copies; a new page with copies; a folder replaced; a new image.
		write(site, { "pagefind-delta/delta.json": "{}", "pagefind-delta/old.pf_fragment": "old" });
		const before = SiteFiles.list(site);
		cpSync(join(site, "pagefind-delta"), join(copy, "pagefind-delta"), { recursive: true });
		rmSync(join(copy, "fr/index.html.br"));
		rmSync(join(copy, "fr/index.html.gz"));
		write(copy, { "fr/index.html": "nouvel accueil" });
		write(copy, { "en/faq/new/index.html": "new", "en/faq/new/index.html.br": "br", "en/faq/new/index.html.gz": "gz" });
		rmSync(join(copy, "pagefind-delta"), { recursive: true });
		write(copy, { "pagefind-delta/delta.json": "{}", "pagefind-delta/new.pf_fragment": "new" });
		write(copy, { "media/photo.1a2b3c4d.png": "png" });

		const changed = before.changedIn(copy, ["/fr/index.html", "/en/faq/new/index.html", "/pagefind-delta", "/media/photo.1a2b3c4d.png"]);
		const whole = SiteFiles.list(copy);
		const asked = new Set([...namesIn(site), ...namesIn(copy), "/", "/fr/", "/en/faq/new/"]);
		for (const name of asked) expect(changed.find(name), name).toEqual(whole.find(name));
		// The checks above compare something: the changes are there.
		expect(changed.find("/fr/")?.copies).toEqual({});
		expect(changed.find("/en/faq/new/")?.copies).toEqual({
			br: join(copy, "en/faq/new/index.html.br"),
			gzip: join(copy, "en/faq/new/index.html.gz"),
		});
		expect(changed.find("/pagefind-delta/old.pf_fragment")).toBeUndefined();
		expect(changed.find("/pagefind-delta/new.pf_fragment")?.path).toBe(join(copy, "pagefind-delta/new.pf_fragment"));
		expect(changed.find("/media/photo.1a2b3c4d.png")?.path).toBe(join(copy, "media/photo.1a2b3c4d.png"));
		expect(changed.find("/index.html")?.path).toBe(join(copy, "index.html"));
		// The listing it came from still serves its own folder.
		expect(before.find("/pagefind-delta/old.pf_fragment")?.path).toBe(join(site, "pagefind-delta/old.pf_fragment"));
	});
});
