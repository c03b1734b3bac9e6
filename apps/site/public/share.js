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

	/** The answer as text, paragraphs and list items on lines of their own. */
	// biome-ignore lint/performance/useDomNodeTextContent: innerText follows the layout (line breaks between paragraphs), which a ticket reply needs.
	const textOf = (element) => (element?.innerText ?? "").replace(/\n{3,}/g, "\n\n").trim();

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
