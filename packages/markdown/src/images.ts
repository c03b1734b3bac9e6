// An answer's images, after rendering: which files it shows, and its <img> elements given the
// attributes only the build knows (the site's own copy of the file, its size, its smaller versions).
// This works on the sanitised HTML renderMarkdown wrote, parsed again: only answers that hold an
// image pay for it, and what is set here (srcset among it) is never taken from the CMS's text.
import type { Element } from "hast";
import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** What an <img> gets: its `src` replaced, and these attributes set (undefined ones removed). */
export interface ImageAttributes {
	readonly src: string;
	readonly width: number;
	readonly height: number;
	readonly srcset?: string | undefined;
	readonly sizes?: string | undefined;
	readonly loading: "lazy" | "eager";
	readonly decoding: "async" | "sync" | "auto";
}

const parser = unified().use(rehypeParse, { fragment: true });
const printer = unified().use(rehypeStringify);

const mayHoldImages = (html: string) => html.includes("<img");

function imagesOf(tree: ReturnType<typeof parser.parse>): Element[] {
	const images: Element[] = [];
	visit(tree, "element", (node: Element) => {
		if (node.tagName === "img") images.push(node);
	});
	return images;
}

const srcOf = (image: Element) => (typeof image.properties.src === "string" ? image.properties.src : "");

/** The `src` of every image of rendered HTML, in order, each once ("" for an image without one). */
export function imageSources(html: string): string[] {
	if (!mayHoldImages(html)) return [];
	return [...new Set(imagesOf(parser.parse(html)).map(srcOf))];
}

/**
 * Gives each image of rendered HTML the attributes `attributesFor` returns for its `src`, or removes
 * the image when it returns null. What it throws (an image that cannot be shown), the caller gets.
 */
export function rewriteImages(html: string, attributesFor: (src: string) => ImageAttributes | null): string {
	if (!mayHoldImages(html)) return html;
	const tree = parser.parse(html);
	visit(tree, "element", (node: Element, index, parent) => {
		if (node.tagName !== "img") return undefined;
		const attributes = attributesFor(srcOf(node));
		if (!attributes) {
			parent?.children.splice(index ?? 0, 1);
			// Visit what moved into the removed image's place.
			return index;
		}
		const { srcset, sizes, ...always } = attributes;
		node.properties = { ...node.properties, ...always };
		delete node.properties.srcSet;
		delete node.properties.sizes;
		if (srcset) node.properties.srcSet = srcset;
		if (srcset && sizes) node.properties.sizes = sizes;
		return undefined;
	});
	return printer.stringify(tree);
}
