// "Copy link" and "Copy answer" on an answer's page, for support staff replying to a ticket: the
// link is the answer's language-neutral permalink (/q/<id>/, absolute); the answer is its question,
// its text and that link, as plain text. The controls are hidden in the HTML and shown here, so that
// readers without JavaScript never see buttons that do nothing. What happened is said in a live region.
(() => {
	/** Puts text on the clipboard: the Clipboard API where the page is a secure context, else a selected textarea. */
	async function copy(text) {
		try {
			await navigator.clipboard.writeText(text);
			return true;
		} catch {
			const area = document.createElement("textarea");
			area.value = text;
			area.setAttribute("readonly", "");
			area.className = "visually-hidden";
			document.body.append(area);
			area.select();
			try {
				return document.execCommand("copy");
			} catch {
				return false;
			} finally {
				area.remove();
			}
		}
	}

	/** Elements read as paragraphs: a blank line before and after. */
	const BLOCKS = new Set([
		"P",
		"DIV",
		"H2",
		"H3",
		"H4",
		"H5",
		"H6",
		"UL",
		"OL",
		"DL",
		"PRE",
		"BLOCKQUOTE",
		"TABLE",
		"FIGURE",
		"DETAILS",
		"HR",
	]);
	/** Runs of white space, but not the non-breaking spaces of French typography. */
	const SPACES = /[ \t\n\r\f]+/g;

	/**
	 * The plain text of an answer, as a reply in a ticket wants it: paragraphs apart, list items on lines
	 * of their own with their number or a dash, a link's address after its text.
	 */
	function plain(node) {
		if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? "").replace(SPACES, " ");
		if (!(node instanceof Element) || node.hidden) return "";
		if (node.tagName === "BR") return "\n";
		if (node.tagName === "PRE") return `\n\n${node.textContent ?? ""}\n\n`;
		if (node.tagName === "IMG") return node.getAttribute("alt") ? `[${node.getAttribute("alt")}]` : "";
		let text = [...node.childNodes].map(plain).join("");
		if (node instanceof HTMLAnchorElement && node.href && text.trim() !== node.href) text = `${text} (${node.href})`;
		if (node.tagName === "LI") {
			const list = node.parentElement;
			const first = Number(list?.getAttribute("start")) || 1;
			const marker = list?.tagName === "OL" ? `${first + [...list.children].indexOf(node)}. ` : "- ";
			return `\n${marker}${text.trim()}`;
		}
		if (node.tagName === "TR") return `\n${text.trim()}`;
		if (node.tagName === "TD" || node.tagName === "TH") return `${text.trim()}\t`;
		return BLOCKS.has(node.tagName) ? `\n\n${text.trim()}\n\n` : text;
	}

	const textOf = (element) =>
		element
			? plain(element)
					.split("\n")
					.map((line) => line.trim())
					.join("\n")
					.replace(/\n{3,}/g, "\n\n")
					.trim()
			: "";

	for (const group of document.querySelectorAll("[data-share]")) {
		const status = group.querySelector("[data-share-status]");
		const article = group.closest("article");
		const link = group.getAttribute("data-permalink") ?? "";
		group.hidden = false;
		group.addEventListener("click", async (event) => {
			const button = event.target instanceof Element ? event.target.closest("button[data-copy]") : null;
			if (!button || !status) return;
			const kind = button.getAttribute("data-copy");
			const text =
				kind === "link" ? link : [textOf(article?.querySelector("h1")), textOf(article?.querySelector("[data-answer]")), link].join("\n\n");
			const copied = await copy(text);
			const message = group.getAttribute(copied ? `data-${kind}-copied` : "data-failed") ?? "";
			// Emptied first, so that the same message twice in a row is announced twice.
			status.textContent = "";
			setTimeout(() => {
				status.textContent = message;
			}, 100);
		});
	}
})();
