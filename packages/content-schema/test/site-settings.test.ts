// The site settings' REST schema, derived from content-models/site-setting.json and its footer-link
// component: what ends up in CSS (the colour) and in links (the contact address, the footer links)
// is checked again at build, with messages that say what the field must hold.
import { describe, expect, it } from "vitest";
import { contentModelsDir, loadContentModels, PATTERN_RULES, restSchemaFor } from "../src/index.ts";

const models = loadContentModels(contentModelsDir);
const settings = models.find((entry) => entry.model.info.singularName === "site-setting");
if (!settings) throw new Error("content-models/ has no site-setting.json");
const schema = restSchemaFor(settings);

const document = (fields: Record<string, unknown>) => ({ documentId: "s1", locale: "fr", updatedAt: "2026-12-02", ...fields });
const problem = (fields: Record<string, unknown>) => {
	const result = schema.safeParse(document(fields));
	return result.success ? undefined : `${result.error.issues[0]?.path.join(".")}: ${result.error.issues[0]?.message}`;
};

describe("the site settings' schema", () => {
	it("accepts an empty document: every field is optional, the site has defaults", () => {
		expect(problem({})).toBeUndefined();
		expect(problem({ name: null, tagline: null, logo: null, accentColor: null, contactUrl: null, footerLinks: [] })).toBeUndefined();
	});

	it("takes a colour only as CSS hex, saying so", () => {
		for (const accentColor of ["#0b57a4", "#FFF", "#0b57a4cc", "#abcd"]) expect(problem({ accentColor }), accentColor).toBeUndefined();
		for (const accentColor of ["red", "#12", "0b57a4", "#0b57a4;}body{display:none", "#0b57a4 ", "url(x)", "#ggg"]) {
			expect(problem({ accentColor }), accentColor).toBe(
				"accentColor: must be a CSS hex colour: # and 3, 4, 6 or 8 hexadecimal digits, such as #0b57a4",
			);
		}
	});

	it("takes a contact address as https:, http: or mailto: only", () => {
		for (const contactUrl of ["https://example.com/contact", "http://example.com", "mailto:support@example.com?subject=Aide"])
			expect(problem({ contactUrl }), contactUrl).toBeUndefined();
		for (const contactUrl of [
			"javascript:alert(1)",
			"JAVASCRIPT:alert(1)",
			"data:text/html,x",
			"//evil.example",
			"/fr/",
			"support@example.com",
			"https://a b",
		]) {
			expect(problem({ contactUrl }), contactUrl).toMatch(/^contactUrl: must be a web address starting with https:\/\/ or http:\/\//);
		}
	});

	it("takes footer links with a label and an https:, http:, mailto: or site address, naming the link at fault", () => {
		expect(
			problem({
				footerLinks: [
					{ id: 1, label: "Status", url: "https://status.example.com" },
					{ label: "À propos", url: "/fr/a-propos/" },
				],
			}),
		).toBeUndefined();
		expect(
			problem({
				footerLinks: [
					{ label: "Ok", url: "/fr/" },
					{ label: "Bad", url: "javascript:alert(1)" },
				],
			}),
		).toMatch(/^footerLinks\.1\.url: must be a web address .* or a path of this site starting with a single \//);
		for (const url of ["//evil.example", "/\\evil.example", "vbscript:x"])
			expect(problem({ footerLinks: [{ label: "x", url }] }), url).toMatch(/^footerLinks\.0\.url: /);
		expect(problem({ footerLinks: [{ label: " ", url: "/" }] })).toBe("footerLinks.0.label: must not be empty");
	});

	it("reads a populated logo, and refuses one without a URL", () => {
		const logo = { id: 3, url: "/uploads/logo_ab12.png", mime: "image/png", width: 120, height: 40, alternativeText: null, formats: null };
		expect(problem({ logo })).toBeUndefined();
		expect(problem({ logo: { ...logo, url: "" } })).toBe("logo.url: must not be empty");
	});
});

describe("the pattern rules", () => {
	it("each describe a regex a content model uses (so neither drifts from the other)", () => {
		const regexes = new Set(
			models
				.flatMap((entry) => [
					...Object.values(entry.model.attributes),
					...[...(entry.components?.values() ?? [])].flatMap((component) => Object.values(component.component.attributes)),
				])
				.flatMap((attribute) => ("regex" in attribute && attribute.regex ? [attribute.regex] : [])),
		);
		for (const regex of Object.keys(PATTERN_RULES)) expect(regexes.has(regex), regex).toBe(true);
	});
});
