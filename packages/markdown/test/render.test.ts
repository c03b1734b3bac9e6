import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../src/index.ts";
import { XSS_CORPUS } from "./xss-corpus.ts";

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

describe("renderMarkdown sanitising", () => {
	for (const attack of XSS_CORPUS) {
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
