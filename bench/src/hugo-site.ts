// Writes the bench's generated help center as a Hugo site, for `--compare hugo`: the seed's own stack
// (Hugo + Pagefind) building the same answers Aide builds. One page per question and language, paired
// across languages by the entry's heading id, with hreflang links, the answer inside data-pagefind-body
// (so that Pagefind indexes each answer once, on its own page, as Aide does), one list page per
// category. The pages are read with the import's own parser, so both stacks get the same questions and
// answers. Keywords are left out, as in the reference script the issue's figures come from.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readPage } from "@aide/faq-import";
import { defaultLocale, locales } from "@aide/locales";

function write(file: string, text: string): void {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, text);
}

/** Front matter as YAML: every value a JSON string or number, which YAML reads as written. */
const frontMatter = (fields: Record<string, string | number>) =>
	`---\n${Object.entries(fields)
		.map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
		.join("\n")}\n---\n`;

function config(languages: readonly string[]): string {
	const blocks = languages.map((code, index) => {
		const name = locales.find((locale) => locale.code === code)?.name ?? code;
		return `[languages.${code}]\n  contentDir = "content/${code}"\n  languageName = ${JSON.stringify(name)}\n  weight = ${index + 1}\n`;
	});
	return `baseURL = "/"
defaultContentLanguage = ${JSON.stringify(defaultLocale)}
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS"]
${blocks.join("")}`;
}

const HEAD = `<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
<link rel="stylesheet" href="/site.css"></head><body><nav><a href="{{ "/" | relLangURL }}">FAQ</a>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav>`;

const SINGLE = `${HEAD}<main data-pagefind-body><p data-pagefind-ignore>{{ with .Parent }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</p>
<h1 id="{{ .Params.anchor }}">{{ .Title }}</h1>{{ .Content }}</main></body></html>`;

const LIST = `${HEAD}<main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>`;

/**
 * Writes the Hugo site for the generated `files` (`<dir>/<locale>/<category>.md`) into `siteDir`;
 * returns how many question pages it wrote. An entry without a heading id cannot be paired with its
 * translation: it is an error naming the file and line.
 */
export function writeHugoSite(files: readonly string[], siteDir: string): { questionPages: number } {
	const pages = files.map((file) => readPage(file));
	const used = locales.map((locale) => locale.code).filter((code) => pages.some((page) => page.locale === code));
	write(join(siteDir, "hugo.toml"), config(used));
	write(join(siteDir, "layouts", "_default", "single.html"), SINGLE);
	write(join(siteDir, "layouts", "_default", "list.html"), LIST);
	write(join(siteDir, "static", "site.css"), "body{font:16px/1.5 system-ui;max-width:45rem;margin:auto}");
	let questionPages = 0;
	for (const page of pages) {
		// The same path in each language's content folder pairs the pages as translations.
		const section = join(siteDir, "content", page.locale, page.key.split("/").at(-1) ?? "");
		write(join(section, "_index.md"), frontMatter({ title: page.category ?? page.key, weight: page.weight ?? 0 }));
		for (const entry of page.entries) {
			if (entry.anchor === undefined) {
				throw new Error(
					`${page.file}:${entry.line}: the question "${entry.question}" has no heading id ({#id}); the Hugo site pairs translations by it.`,
				);
			}
			write(
				join(section, `${entry.anchor}.md`),
				`${frontMatter({ title: entry.question, anchor: entry.anchor, translationKey: entry.anchor })}${entry.answer}\n`,
			);
			questionPages++;
		}
	}
	return { questionPages };
}
