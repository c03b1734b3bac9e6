// Importing a page must never run code from it: front matter is YAML data, read with a schema that
// builds no functions, and anything else is refused with file:line and what to do.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parsePage, renderCategory } from "../src/index.ts";
import { errorOf } from "./support/error-of.ts";

const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-front-matter-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A page whose front matter, if run, writes `marker`. */
function hostilePage(language: string, marker: string): string {
	const write = `process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)}, "ran")`;
	const code = language.startsWith("coffee") ? `title: ${write}` : `{ title: ${write} || "x" }`;
	return `---${language}\n${code}\n---\n\n## Question ?\n\nRéponse.\n`;
}

describe("front matter that is code is refused, and never run", () => {
	for (const language of ["js", "javascript", "JS", "coffee", "coffeescript", "cson", " js"]) {
		it(`---${language.trim()}, by the parser`, () => {
			const marker = join(work, `parser-${language.trim()}.txt`);
			expect(errorOf(() => parsePage("faq.md", hostilePage(language, marker)))).toBe(
				`faq.md:1: the front matter is marked "---${language.trim()}"; only YAML front matter is read, and never run as code. Start it with a line "---" and write it as YAML (title: ..., weight: ...), or remove it.`,
			);
			expect(existsSync(marker)).toBe(false);
		});
	}

	it("---json, ---toml and an unknown language are refused the same way", () => {
		expect(errorOf(() => parsePage("faq.md", '---json\n{ "title": "FAQ" }\n---\n\n## Q\n\nA\n'))).toContain(
			'faq.md:1: the front matter is marked "---json"; only YAML front matter is read',
		);
		expect(errorOf(() => parsePage("faq.md", "---toml\ntitle = 'FAQ'\n---\n"))).toContain('marked "---toml"');
		expect(errorOf(() => parsePage("faq.md", "---python\nimport os\n---\n"))).toContain('marked "---python"');
	});

	it("TOML between +++ lines is refused, saying to write YAML", () => {
		expect(errorOf(() => parsePage("faq.md", '+++ \r\ntitle = "FAQ"\r\n+++\r\n\r\n## Q\r\n\r\nA\r\n'))).toBe(
			'faq.md:1: this page\'s front matter is TOML (between "+++" lines), which the import does not read. Write it as YAML between "---" lines (title: ..., weight: ...), or remove it.',
		);
	});

	it("by the real CLI, in a dry run: refused with file:line, no stack trace, nothing written", async () => {
		const closed = await closedPort();
		const files = ["js", "javascript", "coffee"].map((language) => {
			const file = join(work, `cli-${language}.fr.md`);
			writeFileSync(file, hostilePage(language, join(work, `cli-${language}.txt`)));
			return file;
		});
		const result = spawnSync(process.execPath, [cli, "import", "--dry-run", ...files], {
			cwd: work,
			encoding: "utf8",
			env: { ...process.env, CMS_URL: `http://127.0.0.1:${closed}`, CMS_WRITE_TOKEN: "unused" },
		});
		expect(result.status).toBe(1);
		for (const [index, language] of ["js", "javascript", "coffee"].entries()) {
			expect(result.stderr).toContain(
				`error: ${files[index]}:1: the front matter is marked "---${language}"; only YAML front matter is read`,
			);
			expect(existsSync(join(work, `cli-${language}.txt`))).toBe(false);
		}
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(result.stdout).toContain("Dry run (nothing was written): 0 created, 0 updated, 0 unchanged, 3 skipped, 0 warnings.");
	});
});

describe("YAML front matter is data only", () => {
	const cases: Array<[string, string, RegExp]> = [
		[
			"!!js/function",
			"title: FAQ\nweight: !!js/function 'function () { return 1 }'\n",
			/^faq\.md:3: the front matter is not valid YAML \(Unresolved tag: tag:yaml\.org,2002:js\/function\)\. Fix it, or remove the front matter\.$/,
		],
		["!!js/regexp", "title: !!js/regexp /a/g\n", /^faq\.md:2: .*Unresolved tag: tag:yaml\.org,2002:js\/regexp/],
		["!!js/undefined", "title: !!js/undefined ''\n", /^faq\.md:2: .*Unresolved tag: tag:yaml\.org,2002:js\/undefined/],
		["!!binary", "title: !!binary aGk=\n", /^faq\.md:2: .*Unresolved tag: tag:yaml\.org,2002:binary/],
		["a local tag", "title: !thing x\n", /^faq\.md:2: .*Unresolved tag: !thing/],
		["a key given twice", "title: A\ntitle: B\n", /^faq\.md:3: the front matter is not valid YAML \(Map keys must be unique\)/],
		[
			"an alias bomb",
			`a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, n) => `${"bcdefghijklm"[n]}: &${"bcdefghijklm"[n]} [${Array(9).fill(`*${"abcdefghijklm"[n]}`).join(", ")}]`).join("\n")}\n`,
			/^faq\.md:2: the front matter is not valid YAML \(Excessive alias count/,
		],
		["a list", "- title\n- weight\n", /^faq\.md:2: the front matter must be keys and values/],
		[
			"a title that is not text",
			"title:\n  - a\n  - b\n",
			/^faq\.md:2: the front matter's title must be text, not a list\. Put it in quotes\.$/,
		],
		["a weight that is not a whole number", "title: FAQ\nweight: 1.5\n", /^faq\.md:3: the front matter's weight must be a whole number/],
	];
	for (const [name, yaml, message] of cases) {
		it(`refuses ${name}, with its line`, () => {
			expect(errorOf(() => parsePage("faq.md", `---\n${yaml}---\n\n## Q\n\nA\n`))).toMatch(message);
		});
	}

	it("a __proto__ key is only a key", () => {
		const page = parsePage("faq.md", "---\n__proto__:\n  weight: 3\ntitle: FAQ\n---\n\n## Q\n\nA\n");
		expect(page).toMatchObject({ category: "FAQ", weight: undefined });
		expect(({} as { weight?: unknown }).weight).toBeUndefined();
	});

	it("a front matter never closed is refused, not read as the whole page", () => {
		expect(errorOf(() => parsePage("faq.md", "---\ntitle: FAQ\n\n## Q\n\nA\n"))).toBe(
			'faq.md:1: the front matter opened here is never closed. Add a line "---" after it, before the page\'s text.',
		);
	});

	it("plain YAML, ---yaml, empty front matter and a thematic break still read as before", () => {
		expect(parsePage("faq.md", "---\ntitle: FAQ\nweight: 2\n---\n\n## Q\n\nA\n")).toMatchObject({ category: "FAQ", weight: 2 });
		expect(parsePage("faq.md", "---yaml\ntitle: FAQ\n---\n## Q\n\nA\n").entries[0]?.line).toBe(4);
		expect(parsePage("faq.md", "---\n---\n## Q\n\nA\n").entries[0]?.line).toBe(3);
		expect(parsePage("faq.md", "----\n\n## Q\n\nA\n").entries[0]?.line).toBe(3);
	});

	it("the export writes front matter the import reads back, whatever the title", () => {
		for (const name of ["yes", "12", "a: b # c", "---", '"quoted"', "null"]) {
			const [page] = renderCategory({ slug: "faq", order: 4, locales: { fr: { name, description: null } }, entries: [] });
			expect(parsePage("fr/faq.md", page?.text ?? "")).toMatchObject({ category: name, weight: 4 });
		}
	});
});

/** A port nothing listens on: the dry run must stop before it needs the CMS. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}
