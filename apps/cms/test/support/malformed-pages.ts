// Malformed Markdown FAQ pages for the import's fuzz test, from fast-check with a fixed seed (the same
// pages on every run). Every page key has a tag (`fz12`) that its titles and questions start with, so
// the test can tell which page each document the CMS holds came from.
import fc from "fast-check";

/** One page and its translations: file name to bytes (bytes, so that a page may be invalid UTF-8). */
export interface MalformedPage {
	readonly tag: string;
	readonly files: ReadonlyMap<string, Buffer>;
}

const NASTY = [
	"\u0000",
	"\u0001",
	"\u0007",
	"\u001b[31m",
	"\u007f",
	"\u0085",
	"\u200b",
	"\u200e",
	"\u202e",
	"\u2028",
	"\ufeff",
	"\ud800",
	"\ufffd",
	"\r",
	"\t",
	"\\",
	"`",
	"*",
	"_",
	"#",
	"{#",
	"}",
	"<",
	">",
	"&amp;",
	"&#0;",
	"[x]",
	"![](",
	"---",
	"+++",
	"|",
	"🙂",
	"é",
	"ﬁ",
];

const word = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...NASTY), fc.string({ unit: "grapheme", maxLength: 8 }));
const text = fc.array(word, { maxLength: 12 }).map((words) => words.join(" "));

const headingId = (tag: string, index: number) =>
	fc.oneof(
		{ weight: 10, arbitrary: fc.constant("") },
		{ weight: 6, arbitrary: fc.constant(` {#${tag}-q${index}}`) },
		fc.constant(` {#${tag}-q0}`),
		fc.constant(" {#}"),
		fc.constant(` {#-${tag}}`),
		fc.constant(` {#${tag}_Q${index}}`),
		fc.constant(` {#${tag}-${"a".repeat(120)}}`),
		fc.constant(` {#${tag} q}`),
		text.map((garbage) => ` {#${tag}${garbage}}`),
	);

const question = (tag: string) =>
	fc.oneof(
		{ weight: 30, arbitrary: text.map((words) => `${tag} ${words}`) },
		{ weight: 1, arbitrary: fc.constant(`${tag} ${"Pourquoi ".repeat(50)}?`) },
		{ weight: 1, arbitrary: fc.constant(`${tag} ${"x".repeat(5000)}`) },
		{ weight: 1, arbitrary: fc.constant(tag) },
		{ weight: 1, arbitrary: fc.constant("") },
		{ weight: 1, arbitrary: text },
	);

const block = fc.oneof(
	{ weight: 20, arbitrary: text.map((words) => `${words} .`) },
	text.map((words) => `\`\`\`js\n${words}`),
	text.map((words) => `\`\`\`\n${words}\n\`\`\``),
	text.map((words) => `<div><script>alert(1)</script>${words}`),
	text.map((words) => `<!-- ${words}`),
	text.map((words) => `### ${words}`),
	text.map((words) => `# ${words}`),
	text.map((words) => `${words}\n---`),
	text.map((words) => `- ${words}\n  - ${words}\n\t- [ ] ${words}`),
	text.map((words) => `| a | ${words} |\n|---|---|\n| ${words} |`),
	text.map((words) => `> ${words}\n> > ${words}`),
	text.map((words) => `[${words}]: <javascript:alert(1)>\n[x][${words}]`),
	text.map((words) => `<!-- keywords: ${words} -->`),
	fc.constant("x".repeat(50_000)),
	fc.constant("## "),
	fc.constant("##"),
	fc.constant("####### seven"),
	fc.constant("\u0000".repeat(100)),
	fc.constant(`${"> ".repeat(200)}deep`),
	fc.constant(`${"[".repeat(1000)}`),
);

const entry = (tag: string, index: number) =>
	fc
		.record({
			hashes: fc.constantFrom("##", "##", "##", " ##", "   ##", "##\t", "## ##"),
			question: question(tag),
			id: headingId(tag, index),
			closing: fc.constantFrom("", "", " ##", " #######"),
			keywords: fc.option(text, { freq: 4 }),
			answer: fc.array(block, { minLength: 1, maxLength: 4 }),
		})
		.map(
			({ hashes, question, id, closing, keywords, answer }) =>
				`${hashes} ${question}${id}${closing}\n\n${keywords === null ? "" : `<!-- keywords: ${keywords} -->\n`}${answer.join("\n\n")}`,
		);

const frontMatter = (tag: string) =>
	fc.oneof(
		{ weight: 10, arbitrary: fc.constant("") },
		{ weight: 20, arbitrary: fc.constant(`---\ntitle: "${tag} Foire"\nweight: 2\n---\n`) },
		text.map((words) => `---\ntitle: ${tag} ${words}\n---\n`),
		text.map((words) => `---\ncategory: "${tag} ${words}"\nweight: ${words}\n---\n`),
		fc.constant(`---\ntitle: "${tag} oops\n---\n`),
		fc.constant(`---\ntitle: ${tag}\n  bad: indent\n---\n`),
		fc.constant(`---\ntitle: ${tag}\n`),
		fc.constant(`---\n---\n`),
		fc.constant(`---js\n{ title: process.getBuiltinModule("fs").writeFileSync("${tag}.ran", "x") || "${tag}" }\n---\n`),
		fc.constant(`---coffee\ntitle: "${tag}"\n---\n`),
		fc.constant(`---json\n{"title": "${tag}"}\n---\n`),
		fc.constant(`+++\ntitle = "${tag}"\n+++\n`),
		fc.constant(`---\ntitle: !!js/function "function () { return '${tag}' }"\n---\n`),
		fc.constant(`---\ntitle: "${tag} ${"T".repeat(300)}"\n---\n`),
		fc.constant(`---\ntitle: [${tag}]\nweight: "2"\n---\n`),
		fc.constant(
			`---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: ${tag}\n---\n`,
		),
		fc.constant(`---\ntitle: ${tag}\n---`),
	);

const pageText = (tag: string) =>
	fc
		.record({
			bom: fc.boolean(),
			front: frontMatter(tag),
			title: fc.option(
				text.map((words) => `# ${tag} ${words}\n\n`),
				{ freq: 2 },
			),
			intro: fc.option(text, { freq: 2 }),
			entries: fc.integer({ min: 0, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => entry(tag, index)))),
			newline: fc.constantFrom("\n", "\n", "\n", "\r\n", "\r"),
		})
		.map(({ bom, front, title, intro, entries, newline }) =>
			`${bom ? "\ufeff" : ""}${front}${title ?? ""}${intro ?? ""}\n\n${entries.join("\n\n")}\n`.replace(/\n/g, newline),
		);

/** Bytes that are not valid UTF-8, spliced into some pages. */
const INVALID_UTF8 = [
	Buffer.from([0xff]),
	Buffer.from([0xc3]),
	Buffer.from([0xed, 0xa0, 0x80]),
	Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
];

const pageBytes = (tag: string) =>
	fc.oneof(
		{ weight: 20, arbitrary: pageText(tag).map((page) => Buffer.from(page)) },
		{
			weight: 2,
			arbitrary: fc.tuple(pageText(tag), fc.constantFrom(...INVALID_UTF8), fc.nat()).map(([page, bad, at]) => {
				const bytes = Buffer.from(page);
				const cut = bytes.length === 0 ? 0 : at % bytes.length;
				return Buffer.concat([bytes.subarray(0, cut), bad, bytes.subarray(cut)]);
			}),
		},
		{ weight: 1, arbitrary: fc.constantFrom(Buffer.alloc(0), Buffer.from("\n\n  \n"), Buffer.from("\ufeff"), Buffer.alloc(64)) },
	);

/** `count` page keys, each with a French page and, for some, an English one; the same on every run. */
export function malformedPages(count: number, seed = 14): MalformedPage[] {
	const spec = fc.record({ fr: fc.constant(true), en: fc.boolean() });
	const shapes = fc.sample(spec, { seed, numRuns: count });
	return shapes.map(({ en }, index) => {
		const tag = `fz${index}`;
		const [frBytes, enBytes] = fc.sample(fc.tuple(pageBytes(tag), pageBytes(tag)), { seed: seed * 1000 + index, numRuns: 1 })[0] as [
			Buffer,
			Buffer,
		];
		const files = new Map([[`${tag}.fr.md`, frBytes]]);
		if (en) files.set(`${tag}.en.md`, enBytes);
		return { tag, files };
	});
}
