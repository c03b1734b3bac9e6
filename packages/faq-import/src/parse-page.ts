import { readFileSync } from "node:fs";
import { fromMarkdown } from "mdast-util-from-markdown";
import { ImportError } from "./errors.ts";
import { readFrontMatter } from "./front-matter.ts";
import { identify } from "./locale-of.ts";

/** One `## Question` of a page, with the Markdown answer below it, as written. */
export interface PageEntry {
	readonly question: string;
	/** The Hugo heading id (`## Question {#anchor}`), when the heading has one. */
	readonly anchor: string | undefined;
	readonly answer: string;
	/** Synonyms and misspellings readers type, for search: `<!-- keywords: ... -->` right under the heading. */
	readonly keywords: string | undefined;
	/** 1-based line of the heading in the file. */
	readonly line: number;
}

/** A Hugo-style FAQ page: front matter, then one `##` heading per question. */
export interface Page {
	readonly file: string;
	readonly locale: string;
	/** Same for every translation of the page (its path without locale suffix or folder). */
	readonly key: string;
	/** The category: front matter `category`, else `title`; none when the page has neither. */
	readonly category: string | undefined;
	/** 1-based line of the category's name: its front-matter key (1 when there is none). */
	readonly categoryLine: number;
	/** Text between the page's title and its first question. */
	readonly description: string | undefined;
	/** Front matter `weight`: the category's place among categories. */
	readonly weight: number | undefined;
	readonly entries: readonly PageEntry[];
}

const HEADING_ID = /\s*\{#([A-Za-z0-9][\w-]*)\}\s*$/;
const KEYWORDS = /^<!--\s*keywords:\s*([\s\S]*?)\s*-->\s*/i;

/** Reads and parses one page file. Throws an {@link ImportError} naming the file and line. */
export function readPage(file: string, options: { locale?: string } = {}): Page {
	let text: string;
	try {
		text = readFileSync(file, "utf8");
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? String(error);
		throw new ImportError(`${file}: cannot be read (${code}). Check the path and its permissions.`, { cause: error });
	}
	return parsePage(file, text, options);
}

/** Parses a page's text; `file` is used for its locale, its key and in error messages. */
export function parsePage(file: string, text: string, options: { locale?: string } = {}): Page {
	const { locale, key } = identify(file, options.locale);
	const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

	const { data, body, bodyLine, lineOf } = readFrontMatter(file, source);
	const named = optionalString(data.get("category"), "category", file, lineOf);
	const category = named ?? optionalString(data.get("title"), "title", file, lineOf);
	const weight = data.get("weight");
	if (weight !== undefined && weight !== null && !Number.isSafeInteger(weight)) {
		throw new ImportError(
			`${file}:${lineOf("weight")}: the front matter's weight must be a whole number (the category's place), not ${describe(weight)}.`,
		);
	}

	const headings = fromMarkdown(body).children.filter((node) => node.type === "heading" && node.depth <= 2);
	const questions = headings.filter((node) => node.type === "heading" && node.depth === 2);

	const firstQuestion = questions[0]?.position?.start.offset ?? body.length;
	const intro = body.slice(0, firstQuestion).replace(/^\s*#(?!#)[^\n]*\n?/, "");
	const description = dedent(intro) || undefined;

	const entries: PageEntry[] = [];
	const seenQuestions = new Map<string, number>();
	const seenAnchors = new Map<string, number>();
	for (const [index, heading] of questions.entries()) {
		const start = heading.position?.start.offset ?? 0;
		const end = heading.position?.end.offset ?? start;
		const line = bodyLine + (heading.position?.start.line ?? 1) - 1;
		const rawHeading = body.slice(start, end).split("\n")[0] ?? "";
		const headingText = rawHeading.replace(/^\s*##\s*/, "").replace(/\s+#+\s*$/, "");
		const anchor = HEADING_ID.exec(headingText)?.[1];
		const question = headingText.replace(HEADING_ID, "").trim();
		const next = questions[index + 1]?.position?.start.offset ?? body.length;
		const block = dedent(body.slice(end, next));
		const keywordsMatch = KEYWORDS.exec(block);
		const keywords = keywordsMatch?.[1]?.replace(/\s+/g, " ") || undefined;
		const answer = keywordsMatch ? block.slice(keywordsMatch[0].length) : block;

		if (!question)
			throw new ImportError(`${file}:${line}: a "##" heading has no question text. Write the question, or remove the heading.`);
		if (!answer) {
			throw new ImportError(`${file}:${line}: the question "${question}" has no answer below it. Write the answer, or remove the heading.`);
		}
		const normalized = question.toLocaleLowerCase(locale).replace(/\s+/g, " ");
		const earlier = seenQuestions.get(normalized);
		if (earlier !== undefined) {
			throw new ImportError(
				`${file}:${line}: the question "${question}" is already asked at line ${earlier}. Merge the two answers, or reword one question.`,
			);
		}
		seenQuestions.set(normalized, line);
		if (anchor !== undefined) {
			const earlierAnchor = seenAnchors.get(anchor);
			if (earlierAnchor !== undefined) {
				throw new ImportError(
					`${file}:${line}: the heading id {#${anchor}} is already used at line ${earlierAnchor}. Heading ids must be unique.`,
				);
			}
			seenAnchors.set(anchor, line);
		}
		entries.push({ question, anchor, answer, keywords, line });
	}
	const categoryLine = lineOf(named === undefined ? "title" : "category");
	return { file, locale, key, category, categoryLine, description, weight: typeof weight === "number" ? weight : undefined, entries };
}

function optionalString(value: unknown, name: string, file: string, lineOf: (key: string) => number): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== "string") {
		throw new ImportError(`${file}:${lineOf(name)}: the front matter's ${name} must be text, not ${describe(value)}. Put it in quotes.`);
	}
	return value.trim() || undefined;
}

/** A short account of a value for a message (never the whole of it: a list may be huge, or hold itself through aliases). */
function describe(value: unknown): string {
	if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	if (Array.isArray(value)) return "a list";
	if (value instanceof Map) return "a set of keys and values";
	return typeof value;
}

/**
 * Trims blank lines around a block and removes the indentation all its lines share, when that is
 * less than four spaces (four would be a code block, whose meaning must not change).
 */
export function dedent(block: string): string {
	const lines = block
		.replace(/^\s*\n/, "")
		.replace(/\s+$/, "")
		.split("\n");
	const indents = lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)?.[0].length ?? 0);
	const common = indents.length > 0 ? Math.min(...indents) : 0;
	const cut = common < 4 ? common : 0;
	return lines
		.map((line) => line.slice(Math.min(cut, /^ */.exec(line)?.[0].length ?? 0)))
		.join("\n")
		.replace(/^\n+/, "");
}
