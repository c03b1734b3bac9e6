import { XSS_CORPUS } from "@aide/testing";
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

describe("renderMarkdown, GitHub's additions", () => {
	it("keeps a table column's alignment", () => {
		const { html } = renderMarkdown("| a | b |\n|:--|--:|\n| 1 | 2 |");
		expect(html).toContain('<th align="left">a</th>');
		expect(html).toContain('<td align="right">2</td>');
		expect(html).not.toContain("style=");
	});

	it("links bare web and mail addresses, not file names", () => {
		expect(renderMarkdown("See www.example.org or write to help@example.org.").html).toBe(
			'<p>See <a href="http://www.example.org">www.example.org</a> or write to <a href="mailto:help@example.org">help@example.org</a>.</p>',
		);
		expect(renderMarkdown("Edit README.md, run export.sh, then open example.org.").html).toBe(
			"<p>Edit README.md, run export.sh, then open example.org.</p>",
		);
	});

	it("shows task lists as disabled checkboxes, strikes through, and keeps footnotes' text", () => {
		const { html } = renderMarkdown("- [ ] to do\n- [x] done\n\n~~old~~ price[^1]\n\n[^1]: Until May.");
		expect(html).toContain('<li class="task-list-item"><input disabled type="checkbox"> to do</li>');
		expect(html).toContain('<input checked disabled type="checkbox"> done');
		expect(html).toContain("<s>old</s>");
		expect(html).toContain("Until May.");
		expect(html).not.toContain('class=""');
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

	it("shows a link to a script as the text the author typed, not as a link", () => {
		expect(renderMarkdown("[x](javascript:alert(1))").html).toBe("<p>[x](javascript:alert(1))</p>");
	});

	it("shows template and MDX-looking text as text", () => {
		const { html } = renderMarkdown("Use {name} and <Component /> and {{ x }}.");
		expect(html).toBe("<p>Use {name} and  and {{ x }}.</p>");
	});
});
