import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../src/index.ts";

describe("renderMarkdown", () => {
	it("keeps the Markdown people write: lists, links, emphasis, code, tables", () => {
		const { html } = renderMarkdown(
			"Contact us:\n\n- on the [forum](https://forum.cozy.io/)\n- by *mail*: support@cozycloud.cc\n\n```sh\ncozy-stack export\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		);
		expect(html).toContain('<a href="https://forum.cozy.io/">forum</a>');
		expect(html).toContain("<em>mail</em>");
		expect(html).toContain('<pre><code class="language-sh">cozy-stack export\n</code></pre>');
		expect(html).toContain("<table>");
	});

	it("gives every image an alt text, empty when the author wrote none", () => {
		expect(renderMarkdown('![A diagram](https://example.org/d.png) <img src="https://example.org/x.png">').html).toBe(
			'<p><img src="https://example.org/d.png" alt="A diagram"> <img src="https://example.org/x.png" alt=""></p>',
		);
	});

	it("lists headings with stable, prefixed ids, one level under the question", () => {
		const { html, headings } = renderMarkdown("## Setup\n\ntext\n\n### Setup\n\nmore", { idPrefix: "servers-" });
		expect(headings).toEqual([
			{ depth: 3, slug: "servers-setup", text: "Setup" },
			{ depth: 4, slug: "servers-setup-1", text: "Setup" },
		]);
		expect(html).toContain('<h3 id="servers-setup">Setup</h3>');
	});
});

/** The classic XSS corpus, in Markdown and raw HTML, with encodings and casing that try to slip through. */
const corpus = [
	"<script>alert(1)</script>",
	"<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
	'<img src="x" onerror="alert(1)">',
	"<img src=x oNeRrOr=alert(1)>",
	'<a href="javascript:alert(1)">x</a>',
	'<a href="JaVaScRiPt:alert(1)">x</a>',
	'<a href="&#106;avascript:alert(1)">x</a>',
	'<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">x</a>',
	'<a href=" javascript:alert(1)">x</a>',
	'<a href="java\tscript:alert(1)">x</a>',
	'<a href="vbscript:msgbox(1)">x</a>',
	'<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
	"[x](javascript:alert(1))",
	"[x](JAVASCRIPT:alert(1))",
	"[x](&#106;avascript:alert(1))",
	"![x](javascript:alert(1))",
	'<svg onload="alert(1)"><script>alert(1)</script></svg>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<object data="javascript:alert(1)"></object>',
	'<embed src="javascript:alert(1)">',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<form action="javascript:alert(1)"><button>go</button></form>',
	"<style>body{background:url(javascript:alert(1))}</style>",
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<details open ontoggle="alert(1)">x</details>',
	'<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
	'<base href="javascript:alert(1)//">',
	'<input autofocus onfocus="alert(1)">',
	'<p id="search" name="search">clobber</p>',
	"<!--><script>alert(1)</script>-->",
	"{alert(1)} <Component /> {/* mdx */} export const x = 1; import y from 'z'",
	"{{ constructor.constructor('alert(1)')() }}",
];

describe("renderMarkdown sanitising", () => {
	for (const attack of corpus) {
		it(`leaves nothing executable of ${JSON.stringify(attack).slice(0, 70)}`, () => {
			const { html } = renderMarkdown(`Answer.\n\n${attack}\n\nEnd.`);
			expect(html).not.toMatch(/<(script|style|iframe|object|embed|svg|math|form|meta|base|link)\b/i);
			expect(html).not.toMatch(/\son[a-z]+\s*=/i);
			expect(html).not.toMatch(/(href|src|action|data|srcdoc)\s*=\s*"\s*(javascript|vbscript|data):/i);
			expect(html).not.toMatch(/\s(style|srcdoc|id|name)\s*=/i);
			expect(html).toContain("<p>Answer.</p>");
		});
	}

	it("shows template and MDX-looking text as text", () => {
		const { html } = renderMarkdown("Use {name} and <Component /> and {{ x }}.");
		expect(html).toBe("<p>Use {name} and  and {{ x }}.</p>");
	});
});
