// What a reader downloads to read an answer, before images and scripts: the page's HTML and its
// stylesheets, each gzipped at the strongest level (as files precompressed at build time are).
import { gzipSync } from "node:zlib";

/** The page weight budget the issue sets for an answer page's HTML and CSS, gzipped. */
export const ANSWER_BUDGET_BYTES = 25_000;

export interface PageWeight {
	htmlBytes: number;
	cssBytes: number;
	/** The stylesheets counted, by path. */
	stylesheets: string[];
}

const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;

async function text(url: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url} answered ${response.status} while weighing the answer page.`);
	return response.text();
}

/** The gzipped size of the page at `baseUrl + path` and of the stylesheets it links. */
export async function pageWeight(baseUrl: string, path: string): Promise<PageWeight> {
	const html = await text(`${baseUrl}${path}`);
	const stylesheets = [...html.matchAll(/<link\b[^>]*>/g)]
		.map(([tag]) => tag)
		.filter((tag) => /\brel="?stylesheet"?/.test(tag))
		.flatMap((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1] ?? []);
	let cssBytes = 0;
	for (const href of stylesheets) cssBytes += gzipped(await text(new URL(href, `${baseUrl}${path}`).href));
	return { htmlBytes: gzipped(html), cssBytes, stylesheets };
}
