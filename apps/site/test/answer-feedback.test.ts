// The feedback widget and the search box's reporting in the built site (issue 17): with an insights
// endpoint (AIDE_INSIGHTS_URL) every answer page has the widget, hidden until /feedback.js shows it, and
// every search box knows where to report; without one, no widget, no script, nowhere to send anything;
// an endpoint that is neither a path nor an http(s) URL stops the build, saying what to set.
// Built from synthetic snapshots, with site settings as the CMS's REST API sends them.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { INSIGHT_COMMENT_MAX_LENGTH, INSIGHT_REASONS } from "@aide/cms-contract";
import { removeSite } from "@aide/site-build";
import { writeSyntheticSnapshot } from "@aide/testing";
import { HtmlValidate } from "html-validate";
import { afterAll, describe, expect, it } from "vitest";

const siteDir = fileURLToPath(new URL("../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-site-feedback-"));
afterAll(() => {
	for (const name of ["with", "without", "bad"]) removeSite(join(work, name, "dist"));
	rmSync(work, { recursive: true, force: true });
});

const settings = (locale: string, contactUrl: string) => ({
	id: locale === "fr" ? 3 : 4,
	documentId: "settings1",
	locale,
	name: null,
	tagline: null,
	logo: null,
	accentColor: null,
	contactUrl,
	contactLabel: null,
	footerLinks: [],
	createdAt: "2026-12-01T00:00:00.000Z",
	updatedAt: "2026-12-01T00:00:00.000Z",
	publishedAt: "2026-12-01T00:00:00.000Z",
});
// French support by e-mail, English through a web form that already has a query parameter.
const SETTINGS = { fr: settings("fr", "mailto:support@example.com"), en: settings("en", "https://support.example.com/contact?from=help") };

/** Builds two answers per locale into `<work>/<name>/dist` with `env` added to the build's environment. */
function build(name: string, env: Record<string, string>) {
	const dir = join(work, name);
	const snapshot = join(dir, "snapshot.json");
	mkdirSync(dir, { recursive: true });
	writeSyntheticSnapshot(snapshot, 2, 1);
	writeFileSync(snapshot, JSON.stringify({ ...JSON.parse(readFileSync(snapshot, "utf8")), settings: SETTINGS }));
	const { NODE_ENV: _test, AIDE_INSIGHTS_URL: _inherited, ...inherited } = process.env;
	const result = spawnSync(process.execPath, ["scripts/build.ts"], {
		cwd: siteDir,
		encoding: "utf8",
		env: { ...inherited, AIDE_SNAPSHOT: snapshot, AIDE_SITE_OUT_DIR: join(dir, "dist"), ...env },
	});
	const read = (path: string) => readFileSync(join(dir, "dist", path), "utf8");
	const pages = () =>
		readdirSync(join(dir, "dist"), { recursive: true, encoding: "utf8" })
			.filter((file) => file.endsWith(".html"))
			.map((file) => ({ file, html: read(file) }));
	return { ...result, read, pages };
}

/** The widget's section, from its opening tag to its script. */
const widgetOf = (html: string) => /<section class="feedback"[\s\S]*?<\/section>/.exec(html)?.[0];
const attribute = (html: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(html)?.[1]?.replaceAll("&amp;", "&");

describe("with an insights endpoint", () => {
	const site = build("with", { AIDE_INSIGHTS_URL: "/aide/events" });

	it("builds", () => {
		expect(site.status, `${site.stdout}\n${site.stderr}`).toBe(0);
	});

	it("puts the widget under each answer, hidden until its script runs, for that answer and language", () => {
		const widget = widgetOf(site.read("fr/faq/fr-question-1/index.html")) ?? "";
		expect(widget).toMatch(/^<section class="feedback" aria-labelledby="aide_feedback-title" hidden /);
		expect(attribute(widget, "data-endpoint")).toBe("/aide/events");
		expect(attribute(widget, "data-locale")).toBe("fr");
		expect(attribute(widget, "data-document-id")).toBe("doc1");
		expect(widget).toContain('<h2 id="aide_feedback-title">Cette réponse vous a-t-elle aidé ?</h2>');
		expect(widget).toContain('<button type="button" data-vote="yes">Oui</button>');
		expect(widget).toMatch(/<button type="button" data-vote="no"[^>]*>Non<\/button>/);
		expect(widget).toContain('data-thanks="Merci pour votre retour !"');
		expect(site.read("fr/faq/fr-question-1/index.html")).toContain('<script src="/feedback.js" defer></script>');
		const english = widgetOf(site.read("en/faq/en-question-0/index.html")) ?? "";
		expect(english).toContain(">Was this answer helpful?</h2>");
		expect(attribute(english, "data-locale")).toBe("en");
		expect(attribute(english, "data-document-id")).toBe("doc0");
	});

	it("offers the contract's reasons, in its order, and a comment no longer than the contract keeps", () => {
		const widget = widgetOf(site.read("fr/faq/fr-question-0/index.html")) ?? "";
		expect([...widget.matchAll(/name="reason" value="([^"]+)"/g)].map((match) => match[1])).toEqual([...INSIGHT_REASONS]);
		expect(widget).toContain("> Ce n&#39;est pas ma question</label>");
		expect(widget).toMatch(
			new RegExp(`<textarea id="aide_feedback-comment" name="comment" rows="3" maxlength="${INSIGHT_COMMENT_MAX_LENGTH}">`),
		);
		expect(widget).toContain('<label for="aide_feedback-comment">Un commentaire ? (facultatif)</label>');
		expect(widget).toContain('<button type="submit">Envoyer</button>');
	});

	it("links to support with the answer's permalink and language: an e-mail's subject and body, a web form's query", () => {
		const french = site.read("fr/faq/fr-question-0/index.html");
		const permalink = attribute(french, "data-permalink") ?? "";
		expect(permalink).toMatch(/^http:\/\/.+\/q\/.+\/$/);
		const mail = /data-feedback-contact><a href="([^"]+)">Contacter le support à propos de cette réponse</
			.exec(french)?.[1]
			?.replaceAll("&amp;", "&");
		expect(mail).toBe(
			`mailto:support@example.com?subject=${encodeURIComponent("À propos de la réponse « Question 0 ? »")}&body=${encodeURIComponent(`Réponse : ${permalink}\nLangue : fr\n\n`)}`,
		);
		const english = site.read("en/faq/en-question-0/index.html");
		const form = new URL(/data-feedback-contact><a href="([^"]+)">/.exec(english)?.[1]?.replaceAll("&amp;", "&") ?? "about:blank");
		expect(form.origin + form.pathname).toBe("https://support.example.com/contact");
		expect(Object.fromEntries(form.searchParams)).toEqual({ from: "help", answer: attribute(english, "data-permalink"), lang: "en" });
	});

	it("is valid HTML", async () => {
		const validator = new HtmlValidate();
		const problems: string[] = [];
		for (const page of ["fr/faq/fr-question-0/index.html", "en/faq/en-question-1/index.html"]) {
			const report = await validator.validateString(site.read(page));
			for (const result of report.results)
				for (const message of result.messages) problems.push(`${page}:${message.line}: ${message.ruleId} ${message.message}`);
		}
		expect(problems).toEqual([]);
	});

	it("tells every search box where to report, and puts the widget on answer pages only", () => {
		for (const { file, html } of site.pages()) {
			if (html.includes("<search ")) expect(attribute(/<search [^>]*>/.exec(html)?.[0] ?? "", "data-insights"), file).toBe("/aide/events");
			const answer = /^(fr|en)\/faq\/[^/]+\/index\.html$/.test(file);
			expect(html.includes('class="feedback"'), file).toBe(answer);
			expect(html.includes("/feedback.js"), file).toBe(answer);
		}
	});
});

describe("without an insights endpoint", () => {
	const site = build("without", {});

	it("has no widget, no widget script and no reporting address on any page", () => {
		expect(site.status, `${site.stdout}\n${site.stderr}`).toBe(0);
		const pages = site.pages();
		expect(pages.length).toBeGreaterThan(10);
		for (const { file, html } of pages) {
			expect(html, file).not.toContain("data-feedback");
			expect(html, file).not.toContain("/feedback.js");
			expect(html, file).not.toContain("data-insights");
		}
		// The answer page is otherwise the same: its contact line is still there.
		expect(site.read("fr/faq/fr-question-0/index.html")).toContain(
			'<p class="contact" data-pagefind-ignore><a href="mailto:support@example.com">',
		);
	});
});

describe("with an endpoint that is neither a path nor an http(s) URL", () => {
	const site = build("bad", { AIDE_INSIGHTS_URL: "javascript:alert(1)" });

	it("does not build, and says what AIDE_INSIGHTS_URL must be", () => {
		expect(site.status).not.toBe(0);
		expect(`${site.stdout}\n${site.stderr}`).toContain(
			'AIDE_INSIGHTS_URL must be a path on the site\'s origin such as /aide/events, or an http(s) URL such as https://help.example.org/aide/events, not "javascript:alert(1)".',
		);
	});
});
