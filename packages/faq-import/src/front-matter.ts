// A page's front matter is data, never code. Hugo-style pages open with YAML between two `---` lines;
// gray-matter, which read them before, also ran `---js` / `---javascript` / `---coffee` blocks through
// eval, so importing a file could run it. Here only YAML is read, with the YAML 1.2 core schema and no
// custom or YAML 1.1 tags (no `!!js/function`, `!!binary`, ...): the result is plain text, numbers,
// booleans, null, lists and maps. Any other language is refused, with the line and what to do.
import { isMap, LineCounter, parseDocument, stringify } from "yaml";
import { ImportError } from "./errors.ts";

/** The front matter's values by key (as a Map: a key such as `__proto__` is only a key), and where the body starts. */
export interface FrontMatter {
	readonly data: ReadonlyMap<unknown, unknown>;
	readonly body: string;
	/** 1-based line of the body's first line in the file. */
	readonly bodyLine: number;
	/** 1-based line where a top-level key is written (1 when there is no such key). */
	lineOf(key: string): number;
}

/** The opening line: three dashes (not four: `----` is a Markdown rule), maybe a language name after them. */
const OPENING = /^---(?!-)([^\n]*)(?:\n|$)/;
/** The closing line: three dashes alone on their line. */
const CLOSING = /^---[ \t]*$/m;
const YAML_NAMES = new Set(["", "yaml", "yml"]);
/** An alias may stand for a big tree; past this many, the block is refused rather than expanded. */
const MAX_ALIASES = 100;

const YAML_OPTIONS = {
	schema: "core",
	// No `!!binary`, `!!timestamp`, `!!set`... from YAML 1.1, no custom tags: an unknown tag is a warning, refused below.
	resolveKnownTags: false,
	merge: false,
	uniqueKeys: true,
	strict: true,
} as const;

/**
 * Splits `source` (LF line ends, no BOM) into its YAML front matter and its Markdown body. A page with
 * no front matter has an empty one. Throws an {@link ImportError} naming `file` and the line.
 */
export function readFrontMatter(file: string, source: string): FrontMatter {
	if (/^\+\+\+[ \t]*(?:\n|$)/.test(source)) {
		throw new ImportError(
			`${file}:1: this page's front matter is TOML (between "+++" lines), which the import does not read. Write it as YAML between "---" lines (title: ..., weight: ...), or remove it.`,
		);
	}
	const opening = OPENING.exec(source);
	if (!opening) return { data: new Map(), body: source, bodyLine: 1, lineOf: () => 1 };

	const language = (opening[1] ?? "").trim();
	if (!YAML_NAMES.has(language.toLowerCase())) {
		throw new ImportError(
			`${file}:1: the front matter is marked "---${language}"; only YAML front matter is read, and never run as code. Start it with a line "---" and write it as YAML (title: ..., weight: ...), or remove it.`,
		);
	}
	const start = opening[0].length;
	const closing = CLOSING.exec(source.slice(start));
	if (!closing) {
		throw new ImportError(`${file}:1: the front matter opened here is never closed. Add a line "---" after it, before the page's text.`);
	}
	const yaml = source.slice(start, start + closing.index);
	const afterClosing = start + closing.index + closing[0].length;
	const bodyStart = source[afterClosing] === "\n" ? afterClosing + 1 : afterClosing;
	const bodyLine = source.slice(0, bodyStart).split("\n").length;

	const lines = new LineCounter();
	const document = parseDocument(yaml, { ...YAML_OPTIONS, lineCounter: lines });
	// Line 1 of the YAML is line 2 of the file.
	const lineAt = (offset: number) => lines.linePos(offset).line + 1;
	const problem = document.errors[0] ?? document.warnings[0];
	if (problem) {
		const line = problem.linePos?.[0].line === undefined ? 1 : problem.linePos[0].line + 1;
		// The library's message ends with where, and a copy of the line: the file:line prefix says where.
		const reason = (problem.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
		throw new ImportError(`${file}:${line}: the front matter is not valid YAML (${reason}). Fix it, or remove the front matter.`);
	}
	if (document.contents !== null && !isMap(document.contents)) {
		throw new ImportError(
			`${file}:2: the front matter must be keys and values (title: ..., weight: ...), not a list or a single value. Fix it, or remove the front matter.`,
		);
	}
	let data: unknown;
	try {
		data = document.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIASES });
	} catch (error) {
		throw new ImportError(
			`${file}:2: the front matter is not valid YAML (${(error as Error).message}). Fix it, or remove the front matter.`,
			{ cause: error },
		);
	}
	const map = data instanceof Map ? (data as Map<unknown, unknown>) : new Map<unknown, unknown>();
	const lineOf = (key: string) => {
		const pair = isMap(document.contents)
			? document.contents.items.find((item) => (item.key as { value?: unknown })?.value === key)
			: undefined;
		const offset = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
		return offset === undefined ? 1 : lineAt(offset);
	};
	return { data: map, body: source.slice(bodyStart), bodyLine, lineOf };
}

/** `body` under a YAML front matter holding `data`, in the form {@link readFrontMatter} reads back. */
export function writeFrontMatter(data: Readonly<Record<string, unknown>>, body: string): string {
	return `---\n${stringify(data, { ...YAML_OPTIONS, lineWidth: 0 })}---\n${body}`;
}
