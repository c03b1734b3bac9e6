/// <reference path="./markdown-it-plugins.d.ts" />
// CMS Markdown becomes HTML here, and only here. markdown-it turns the Markdown (CommonMark with
// GitHub's tables, strikethrough, autolinks, task lists and footnotes) into HTML; that HTML, raw HTML
// from the answer included, is then parsed as a browser would (so that entities and odd casing cannot
// hide anything) and everything outside an allow-list is dropped: no script, style, iframe, object,
// embed, svg, form or meta; no event handlers; only http(s), mailto and tel links. The output is plain
// HTML: it is never compiled as MDX or a template. (markdown-it rather than remark: a site build
// renders every answer, and remark's parser took 10 of the 11 seconds that 19,500 answers cost.)
import GithubSlugger from "github-slugger";
import type { Element, Root } from "hast";
import { toString as textOf } from "hast-util-to-string";
import MarkdownIt from "markdown-it";
import footnotes from "markdown-it-footnote";
import taskLists from "markdown-it-task-lists";
import rehypeParse from "rehype-parse";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** A heading of a rendered answer, for a table of contents: its level, the id it carries and its text. */
export interface Heading {
	readonly depth: number;
	readonly slug: string;
	readonly text: string;
}

export interface RenderedMarkdown {
	readonly html: string;
	readonly headings: readonly Heading[];
}

const ALLOWED_TAGS = [
	"p",
	"br",
	"hr",
	"strong",
	"em",
	"b",
	"i",
	"u",
	"s",
	"del",
	"ins",
	"mark",
	"small",
	"sub",
	"sup",
	"code",
	"pre",
	"kbd",
	"samp",
	"var",
	"blockquote",
	"ul",
	"ol",
	"li",
	"dl",
	"dt",
	"dd",
	"a",
	"img",
	"figure",
	"figcaption",
	"abbr",
	"cite",
	"q",
	"span",
	"div",
	"h2",
	"h3",
	"h4",
	"h5",
	"h6",
	"table",
	"thead",
	"tbody",
	"tfoot",
	"tr",
	"th",
	"td",
	"caption",
	"details",
	"summary",
	"input",
];

/** The allow-list, built on hast-util-sanitize's GitHub-like default, narrowed. */
export const sanitizeSchema: SanitizeSchema = {
	...defaultSchema,
	tagNames: ALLOWED_TAGS,
	// No id or name from the CMS (they could clobber the page's own); heading ids are added after sanitising.
	clobberPrefix: "",
	clobber: [],
	attributes: {
		"*": ["title", "lang", "dir"],
		a: ["href", "title"],
		img: ["src", "alt", "title", "width", "height", "loading"],
		code: [["className", /^language-[\w-]+$/]],
		th: ["align", "scope"],
		td: ["align"],
		ol: ["start", "reversed"],
		li: [["className", "task-list-item"]],
		input: [["type", "checkbox"], ["disabled", true], "checked"],
		abbr: ["title"],
		details: ["open"],
	},
	protocols: { href: ["http", "https", "mailto", "tel"], src: ["http", "https"], cite: ["http", "https"] },
	strip: ["script", "style", "iframe", "object", "embed", "svg", "math", "form", "meta", "link", "base", "template", "noscript", "title"],
	// An image without a description is announced as decorative rather than by its file name.
	required: { input: { type: "checkbox", disabled: true }, img: { alt: "" } },
};

/** Raw HTML is let through here because the allow-list below decides what of it stays. */
const markdownParser = new MarkdownIt({ html: true, linkify: true }).use(taskLists).use(footnotes);
// As GitHub does: "www.example.org" and "help@example.org" are links too, not only what starts with a
// scheme; but "README.md" or "export.sh" is a file name, not a link to a Moldovan or Shell domain.
markdownParser.linkify.set({ fuzzyLink: true });
const findLinks = markdownParser.linkify.match.bind(markdownParser.linkify);
markdownParser.linkify.match = (text) => (findLinks(text) ?? []).filter((link) => link.schema !== "" || /^www\./i.test(link.raw));
// A table column's alignment as the `align` attribute the allow-list keeps (markdown-it writes a style, which it drops).
for (const rule of ["th_open", "td_open"] as const) {
	markdownParser.renderer.rules[rule] = (tokens, index, options, _env, renderer) => {
		const token = tokens[index];
		const align = /text-align:(left|center|right)/.exec(String(token?.attrGet("style") ?? ""))?.[1];
		if (token && align) {
			token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
			token.attrSet("align", align);
		}
		return renderer.renderToken(tokens, index, options);
	};
}

/** Gives every heading a stable id (GitHub's slugs, unique within the answer, with a prefix) and lists them. */
function collectHeadings(headings: Heading[], idPrefix: string) {
	return () => (tree: Root) => {
		const slugger = new GithubSlugger();
		visit(tree, "element", (node: Element) => {
			// A class the allow-list emptied (a plugin's own, on a footnote) is dropped rather than left as class="".
			if (Array.isArray(node.properties.className) && node.properties.className.length === 0) delete node.properties.className;
			const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
			if (!depth) return;
			// An answer sits under its question's <h2>: its own headings start at <h3>.
			const level = Math.min(6, Math.max(3, Number(depth) + 1));
			node.tagName = `h${level}`;
			const text = textOf(node).trim();
			const slug = `${idPrefix}${slugger.slug(text) || "section"}`;
			node.properties = { ...node.properties, id: slug };
			headings.push({ depth: level, slug, text });
		});
	};
}

/**
 * Renders an answer's Markdown to sanitised HTML and lists its headings. `idPrefix` keeps heading ids
 * unique on pages that show several answers: use the entry's anchor and "--" (answerIdPrefix in @aide/cms-loader).
 */
export function renderMarkdown(markdown: string, { idPrefix = "" }: { idPrefix?: string } = {}): RenderedMarkdown {
	const headings: Heading[] = [];
	const html = unified()
		.use(rehypeParse, { fragment: true })
		.use(rehypeSanitize, sanitizeSchema)
		.use(collectHeadings(headings, idPrefix))
		.use(rehypeStringify)
		.processSync(markdownParser.render(markdown))
		.toString()
		// markdown-it ends every block with a line break: the last one is not part of the answer.
		.replace(/\n$/, "");
	return { html, headings };
}
