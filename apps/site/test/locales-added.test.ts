// Issue 15's proof that the locales are declared once: in a temporary copy of the workspace, German
// and Arabic (written right to left) are added to packages/locales/locales.json with their UI strings
// (apps/site/src/i18n/de.json, ar.json) and nothing else; the copy's CMS gets a few answers in the four
// languages and the copy's site is built from it. Every page set, `dir`, hreflang and the search index
// follow; an ar.json that lacks a key stops the build with a message naming the file and the key.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEntryDraft, publishEntry, type RunningCms, startCms } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, hashes, sourceFiles, workspaceRoot } from "./support/workspace-copy.ts";

const fixtures = join(import.meta.dirname, "fixtures", "locales-added");
const work = mkdtempSync(join(tmpdir(), "aide-locales-"));
const copy = join(work, "aide");
const out = join(copy, "apps", "site", "dist");
const LOCALES = ["fr", "en", "de", "ar"];

/** Two answers, each in the four languages. */
const ANSWERS = [
	{
		fr: { question: "Où sont situés vos serveurs ?", slug: "ou-sont-situes-vos-serveurs", answer: "À Roubaix, en France." },
		en: { question: "Where are your servers located?", slug: "where-are-your-servers-located", answer: "In Roubaix, France." },
		de: { question: "Wo stehen Ihre Server?", slug: "wo-stehen-ihre-server", answer: "In Roubaix, Frankreich." },
		ar: { question: "أين توجد خوادمكم؟", slug: "ayna-tujad-khawadimukum", answer: "في روبيه، فرنسا." },
	},
	{
		fr: { question: "Comment changer mon mot de passe ?", slug: "comment-changer-mon-mot-de-passe", answer: "Dans les réglages." },
		en: { question: "How do I change my password?", slug: "how-do-i-change-my-password", answer: "In the settings." },
		de: { question: "Wie ändere ich mein Passwort?", slug: "wie-aendere-ich-mein-passwort", answer: "In den Einstellungen." },
		ar: { question: "كيف أغير كلمة المرور؟", slug: "kayfa-ughayyir-kalimat-almurur", answer: "في الإعدادات." },
	},
] as const;

/** A page for the copy's own import (`npm run import`): a category and one question, in each language. */
const PAGES = {
	fr: "---\ntitle: Compte\n---\n\n## Comment fermer mon compte ? {#close-account}\n\nDans les réglages.\n",
	en: "---\ntitle: Account\n---\n\n## How do I close my account? {#close-account}\n\nIn the settings.\n",
	de: "---\ntitle: Konto\n---\n\n## Wie schließe ich mein Konto? {#close-account}\n\nIn den Einstellungen.\n",
	ar: "---\ntitle: الحساب\n---\n\n## كيف أغلق حسابي؟ {#close-account}\n\nفي الإعدادات.\n",
};

let cms: RunningCms | undefined;
let original: Map<string, string>;
const timings: string[] = [];

async function timed<T>(what: string, step: () => T | Promise<T>): Promise<T> {
	const started = performance.now();
	const result = await step();
	timings.push(`${what} ${((performance.now() - started) / 1000).toFixed(1)} s`);
	return result;
}

/** Runs one of the copy's scripts; resolves with its exit code and output. */
function runInCopy(cwd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
	const { NODE_ENV: _test, VITEST: _vitest, ...inherited } = process.env;
	const child = spawn(process.execPath, args, { cwd: join(copy, cwd), env: { ...inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
	let output = "";
	child.stdout.on("data", (chunk) => {
		output += chunk;
	});
	child.stderr.on("data", (chunk) => {
		output += chunk;
	});
	return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

/** The copy's `npm run build` against the copy's CMS. */
const buildCopy = (running: RunningCms) =>
	runInCopy("apps/site", ["scripts/build.ts"], {
		CMS_URL: running.url,
		CMS_TOKEN: running.siteToken(),
		AIDE_DATA_DIR: running.dataDir,
		AIDE_SITE_OUT_DIR: out,
	});

const page = (path: string) => readFileSync(join(out, path, "index.html"), "utf8");
const htmlFiles = () => readdirSync(out, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html"));
const alternatesOf = (html: string) =>
	[...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="http:\/\/127\.0\.0\.1:4321([^"]+)"/g)].map((match) => [
		match[1],
		match[2],
	]);

beforeAll(async () => {
	original = await timed("listing the sources", () => hashes(workspaceRoot, sourceFiles(workspaceRoot)));
	await timed("copying the workspace", () => copyWorkspace(copy));

	// The whole change a person makes to add two languages: the list, and one strings file each.
	const listFile = join(copy, "packages", "locales", "locales.json");
	const list = JSON.parse(readFileSync(listFile, "utf8")) as { locales: unknown[] };
	list.locales.push({ code: "de", name: "Deutsch", englishName: "German" }, { code: "ar", name: "العربية", englishName: "Arabic" });
	writeFileSync(listFile, `${JSON.stringify(list, null, 2)}\n`);
	for (const code of ["de", "ar"])
		writeFileSync(join(copy, "apps", "site", "src", "i18n", `${code}.json`), readFileSync(join(fixtures, `${code}.json`)));

	const running = await timed("starting the copy's CMS", () => startCms({ appDir: join(copy, "apps", "cms") }));
	cms = running;
	const token = await running.adminToken();
	await timed("writing the answers", async () => {
		for (const answer of ANSWERS) {
			let documentId: string | undefined;
			for (const code of LOCALES) {
				const created = await createEntryDraft(running.url, token, answer[code as keyof typeof answer], code, documentId);
				if (created.status >= 300)
					throw new Error(`Creating the ${code} version failed: ${created.status} ${JSON.stringify(created.body)}`);
				documentId = created.documentId;
				const published = await publishEntry(running.url, token, documentId, code);
				if (published.status >= 300)
					throw new Error(`Publishing the ${code} version failed: ${published.status} ${JSON.stringify(published.body)}`);
			}
		}
	});
	const pages = join(work, "import");
	mkdirSync(pages);
	for (const [code, text] of Object.entries(PAGES)) writeFileSync(join(pages, `account.${code}.md`), text);
	const imported = await timed("importing a page with the copy's import", () =>
		runInCopy(".", ["packages/faq-import/src/cli.ts", "import", "--publish", pages], {
			CMS_URL: running.url,
			CMS_WRITE_TOKEN: running.importToken(),
		}),
	);
	if (imported.code !== 0) throw new Error(`The copy's import failed:\n${imported.output}`);
	const built = await timed("building the copy's site", () => buildCopy(running));
	if (built.code !== 0) throw new Error(`The copy's site did not build:\n${built.output}`);
});

afterAll(async () => {
	await cms?.stop();
	rmSync(work, { recursive: true, force: true });
	console.log(`locales-added: ${timings.join(", ")}`);
});

describe("a copy of the workspace with German and Arabic added to the locales list", () => {
	it("builds every page set in the four languages", () => {
		for (const code of LOCALES) {
			expect(existsSync(join(out, code, "index.html")), `/${code}/`).toBe(true);
			expect(existsSync(join(out, code, "404", "index.html")), `/${code}/404/`).toBe(true);
			for (const answer of ANSWERS) {
				const path = `/${code}/faq/${answer[code as keyof typeof answer].slug}/`;
				expect(existsSync(join(out, path, "index.html")), path).toBe(true);
			}
		}
		for (const code of LOCALES) {
			const categories = readdirSync(join(out, code, "category"));
			expect(categories, `/${code}/category/`).toHaveLength(1);
			expect(
				alternatesOf(page(`/${code}/category/${categories[0]}/`))
					.map(([hreflang]) => hreflang)
					.sort(),
				`/${code}/category/`,
			).toEqual([...LOCALES, "x-default"].sort());
		}
		const home = page("/");
		for (const code of LOCALES) expect(home, "the root page's language choice").toContain(`data-lang-choice="${code}"`);
		const sitemap = readFileSync(join(out, "sitemap.xml"), "utf8");
		for (const code of LOCALES) expect(sitemap).toContain(`<loc>http://127.0.0.1:4321/${code}/faq/${ANSWERS[0][code as "fr"].slug}/</loc>`);
	});

	it("links only to pages that exist (the About link of a language without its own About page included)", () => {
		const broken = htmlFiles().flatMap((file) =>
			[...readFileSync(join(out, file), "utf8").matchAll(/\shref="(\/[^"#]*)/g)]
				.map((match) => match[1] as string)
				.filter((path) => !existsSync(join(out, path.endsWith("/") ? `${path}index.html` : path)))
				.map((path) => `${file}: ${path}`),
		);
		expect(broken).toEqual([]);
	});

	it("writes each page in its language's UI strings and direction: dir=rtl on Arabic pages only", () => {
		expect(page("/de/")).toContain("Häufig gestellte Fragen");
		expect(page("/ar/")).toContain("الأسئلة الشائعة");
		for (const file of htmlFiles().filter((name) => /^(fr|en|de|ar)\//.test(name))) {
			const code = file.slice(0, 2);
			const html = readFileSync(join(out, file), "utf8");
			expect(html.match(/<html[^>]*>/)?.[0], file).toBe(code === "ar" ? '<html lang="ar" dir="rtl">' : `<html lang="${code}">`);
		}
		// Language names inside a page of the other direction keep their own.
		expect(page("/ar/")).toMatch(/<a href="\/de\/" hreflang="de" lang="de" dir="ltr"/);
		expect(page("/fr/")).toMatch(/<a href="\/ar\/" hreflang="ar" lang="ar" dir="rtl"/);
	});

	it("gives each answer an hreflang cluster of the four languages and x-default", () => {
		for (const answer of ANSWERS) {
			const cluster = [
				...LOCALES.map((code) => [code, `/${code}/faq/${answer[code as keyof typeof answer].slug}/`]),
				["x-default", `/fr/faq/${answer.fr.slug}/`],
			];
			for (const code of LOCALES) {
				expect(alternatesOf(page(`/${code}/faq/${answer[code as keyof typeof answer].slug}/`)).sort(), code).toEqual(cluster.sort());
			}
		}
	});

	it("indexes each language for search on its own", () => {
		const entry = JSON.parse(readFileSync(join(out, "pagefind", "pagefind-entry.json"), "utf8")) as {
			languages: Record<string, { page_count: number }>;
		};
		expect(Object.keys(entry.languages).sort()).toEqual([...LOCALES].sort());
		// The answers written in the CMS and the imported one.
		for (const code of LOCALES) expect(entry.languages[code]?.page_count, code).toBe(ANSWERS.length + 1);
	});

	it("started the copy's CMS without rebuilding its admin panel", () => {
		expect(cms?.output()).not.toContain("Building the CMS admin panel");
	});

	it("needed no other file edited than the list and the two strings files", () => {
		const now = hashes(copy, sourceFiles(copy));
		const changed = [...new Set([...original.keys(), ...now.keys()])].filter((file) => original.get(file) !== now.get(file)).sort();
		expect(changed).toEqual(["apps/site/src/i18n/ar.json", "apps/site/src/i18n/de.json", "packages/locales/locales.json"]);
	});

	it("does not build when ar.json lacks a key, and says which file lacks which key", async () => {
		const stringsFile = join(copy, "apps", "site", "src", "i18n", "ar.json");
		const { "nav.home": _left, ...incomplete } = JSON.parse(readFileSync(stringsFile, "utf8")) as Record<string, string>;
		writeFileSync(stringsFile, JSON.stringify(incomplete, null, 2));
		const built = await buildCopy(cms as RunningCms);
		expect(built.code).not.toBe(0);
		expect(built.output).toContain(
			'apps/site/src/i18n/ar.json lacks the key "nav.home" that apps/site/src/i18n/fr.json has: add it, translated.',
		);
	});
});
