import type { ExportedCategory } from "@aide/cms-contract";
import { writeFrontMatter } from "./front-matter.ts";

/** One exported file: where it goes (relative to the export folder) and its text. */
export interface RenderedPage {
	readonly path: string;
	readonly text: string;
}

/**
 * Writes a category's entries back as Hugo-style pages, one per locale, in the format the import
 * reads: front matter, the title, then `## Question {#anchor}` and the answer. Heading ids keep the
 * translations paired on the next import.
 */
export function renderCategory(category: ExportedCategory): RenderedPage[] {
	const locales = new Set([...Object.keys(category.locales), ...category.entries.flatMap((entry) => Object.keys(entry.locales))]);
	const name = category.slug ?? "faq";
	return [...locales].sort().map((locale) => {
		const header = category.locales[locale];
		const parts: string[] = [];
		if (header) parts.push(`# ${header.name}`);
		if (header?.description) parts.push(header.description);
		for (const entry of category.entries) {
			const content = entry.locales[locale];
			if (!content) continue;
			const keywords = content.keywords ? `<!-- keywords: ${content.keywords} -->\n\n` : "";
			parts.push(`## ${content.question} {#${entry.anchor}}\n\n${keywords}${content.answer}`);
		}
		const body = `\n${parts.join("\n\n")}\n`;
		const text = header ? writeFrontMatter({ title: header.name, weight: category.order }, body) : body.slice(1);
		return { path: `${locale}/${name}.md`, text };
	});
}
