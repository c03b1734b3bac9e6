// The site settings in the built site: what support staff set in the CMS (name, tagline, main colour,
// contact address, footer links) shows on every page; with nothing set the site looks as it always
// did; a colour that is not CSS hex stops the build with a message naming the field and the locale.
// Built from snapshots in the format `npm run snapshot` writes, settings as the CMS's REST API sends them.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { removeSite } from "@aide/site-build";
import { writeSyntheticSnapshot } from "@aide/testing";
import { afterAll, describe, expect, it } from "vitest";
import en from "../src/i18n/en.json" with { type: "json" };
import fr from "../src/i18n/fr.json" with { type: "json" };

const siteDir = fileURLToPath(new URL("../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-site-settings-"));
afterAll(() => {
	for (const name of ["set", "unset", "bad"]) removeSite(join(work, name, "dist"));
	rmSync(work, { recursive: true, force: true });
});

const shared = {
	logo: null,
	accentColor: "#7a1fa2",
	contactUrl: "mailto:support@example.com",
	createdAt: "2026-12-01T00:00:00.000Z",
	updatedAt: "2026-12-01T00:00:00.000Z",
	publishedAt: "2026-12-01T00:00:00.000Z",
};
const SETTINGS = {
	fr: {
		id: 3,
		documentId: "settings1",
		locale: "fr",
		name: "Aide Exemple",
		tagline: "Le centre d’aide d’Exemple",
		contactLabel: "Écrivez-nous",
		footerLinks: [
			{ id: 1, label: "État du service", url: "https://status.example.com/" },
			{ id: 2, label: "À propos", url: "/fr/a-propos/" },
		],
		...shared,
	},
	// English leaves the texts empty (as an editor who cleared them): the defaults show, the shared fields hold.
	en: { id: 4, documentId: "settings1", locale: "en", name: "", tagline: null, contactLabel: null, footerLinks: [], ...shared },
};

/** Builds the site from a two-entry snapshot with `settings` (none when undefined) into `<work>/<name>/dist`. */
function build(name: string, settings?: Record<string, unknown>) {
	const dir = join(work, name);
	const snapshot = join(dir, "snapshot.json");
	mkdirSync(dir, { recursive: true });
	writeSyntheticSnapshot(snapshot, 2, 1);
	if (settings) writeFileSync(snapshot, JSON.stringify({ ...JSON.parse(readFileSync(snapshot, "utf8")), settings }));
	const { NODE_ENV: _test, ...inherited } = process.env;
	const result = spawnSync(process.execPath, ["scripts/build.ts"], {
		cwd: siteDir,
		encoding: "utf8",
		env: { ...inherited, AIDE_SNAPSHOT: snapshot, AIDE_SITE_OUT_DIR: join(dir, "dist") },
	});
	const read = (path: string) => readFileSync(join(dir, "dist", path), "utf8");
	return { ...result, read };
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const brandOf = (html: string) => text(/<a class="brand"[^>]*>([\s\S]*?)<\/a>/.exec(html)?.[1] ?? "").trim();

describe("with settings set", () => {
	const site = build("set", SETTINGS);

	it("builds", () => {
		expect(site.status, `${site.stdout}\n${site.stderr}`).toBe(0);
	});

	it("shows the help center's name and tagline in the header and the title, per locale", () => {
		const home = site.read("fr/index.html");
		expect(brandOf(home)).toBe("Aide Exemple Le centre d’aide d’Exemple");
		// A space between the name and the tagline, not only styles: "Aide ExempleLe centre…" is what text readers would get.
		expect(home).toMatch(/>Aide Exemple <span>/);
		expect(home).toMatch(/<title>[^<]* · Aide Exemple<\/title>/);
		expect(brandOf(site.read("en/index.html"))).toBe(`${en["site.name"]} ${en["site.tagline"]}`);
	});

	it("puts the main colour in /theme.css as --aide-accent, linked from every page", () => {
		expect(site.read("theme.css")).toContain("--aide-brand: #7a1fa2;");
		expect(site.read("theme.css")).toContain("--aide-accent: var(--aide-brand);");
		for (const page of ["fr/index.html", "en/index.html", "fr/faq/fr-question-0/index.html", "404.html"])
			expect(site.read(page), page).toContain('<link rel="stylesheet" href="/theme.css">');
	});

	it("shows the contact line under each answer and on the 404 pages, in the page's language", () => {
		const line = (label: string) => `<p class="contact" data-pagefind-ignore><a href="mailto:support@example.com">${label}</a></p>`;
		expect(site.read("fr/faq/fr-question-0/index.html")).toContain(line("Écrivez-nous"));
		expect(site.read("en/faq/en-question-1/index.html")).toContain(line(en["contact.label"].replace("'", "&#39;")));
		expect(site.read("fr/404/index.html")).toContain(line("Écrivez-nous"));
		expect(site.read("404.html")).toContain(line("Écrivez-nous"));
	});

	it("lists the footer links of each locale", () => {
		expect(site.read("fr/index.html")).toContain(
			'<ul class="footer-links"><li><a href="https://status.example.com/">État du service</a></li><li><a href="/fr/a-propos/">À propos</a></li></ul>',
		);
		expect(site.read("en/index.html")).not.toContain('class="footer-links"');
	});
});

describe("with no settings", () => {
	const site = build("unset");

	it("looks as before: the UI strings' name and tagline, the stylesheet's colours, no contact line, no footer links", () => {
		expect(site.status, `${site.stdout}\n${site.stderr}`).toBe(0);
		expect(brandOf(site.read("fr/index.html"))).toBe(`${fr["site.name"]} ${fr["site.tagline"]}`.replace("'", "&#39;"));
		// No colour: no request for /theme.css, whose content would change nothing.
		expect(site.read("fr/index.html")).not.toContain("/theme.css");
		expect(site.read("fr/faq/fr-question-0/index.html")).not.toContain('class="contact"');
		expect(site.read("fr/index.html")).not.toContain('class="footer-links"');
	});
});

describe("with a colour that is not CSS hex", () => {
	const site = build("bad", { ...SETTINGS, fr: { ...SETTINGS.fr, accentColor: "red;}body{display:none" } });

	it("does not build, and says which field of which locale must hold what", () => {
		expect(site.status).toBe(1);
		expect(site.stderr).toContain(
			'Site settings settings1 "Aide Exemple" (fr) has an invalid accentColor (it is "red;}body{display:none"): must be a CSS hex colour: # and 3, 4, 6 or 8 hexadecimal digits, such as #0b57a4. Fix it in the CMS, then build again.',
		);
	});
});
