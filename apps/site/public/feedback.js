// "Was this answer helpful?" under an answer (components/AnswerFeedback.astro): shows the widget, sends
// one vote per answer per page view to the insights endpoint the build wrote into it, and remembers the
// vote in this browser (localStorage, no cookie), so that a later visit says it was already given.
// Nothing is shown or sent when the browser asks not to be tracked (Do Not Track, Global Privacy Control).
(() => {
	if (navigator.doNotTrack === "1" || navigator.globalPrivacyControl === true) return;
	for (const widget of document.querySelectorAll("[data-feedback]")) {
		const { endpoint, locale, documentId } = widget.dataset;
		const vote = widget.querySelector("[data-feedback-vote]");
		const form = widget.querySelector("[data-feedback-form]");
		const status = widget.querySelector("[data-feedback-status]");
		const contact = widget.querySelector("[data-feedback-contact]");
		if (!endpoint || !vote || !form || !status) continue;
		const key = `aide-feedback:${locale}:${documentId}`;
		/** Storage can be refused (privacy modes): the vote is then remembered for this page view only. */
		const stored = (value) => {
			try {
				if (value) localStorage.setItem(key, value);
				return localStorage.getItem(key);
			} catch {
				return value;
			}
		};
		const done = (answer, message) => {
			vote.hidden = true;
			form.hidden = true;
			status.textContent = message;
			if (contact) contact.hidden = answer !== "no";
		};
		widget.hidden = false;
		const before = stored();
		if (before) {
			done(before, widget.dataset.already);
			continue;
		}
		let sent = false;
		const send = (helpful, details) => {
			if (sent) return;
			sent = true;
			const event = { type: "feedback", locale, documentId, helpful, ...details };
			// keepalive: the vote still goes when the reader leaves the page right after it.
			fetch(endpoint, {
				method: "POST",
				keepalive: true,
				headers: { "content-type": "application/json" },
				body: JSON.stringify(event),
			}).catch(() => {});
			done(stored(helpful ? "yes" : "no"), widget.dataset.thanks);
			// The buttons just disappeared: the focus goes to the thanks rather than to the page's start.
			status.focus();
		};
		const no = vote.querySelector('[data-vote="no"]');
		vote.addEventListener("click", (event) => {
			const button = event.target instanceof Element ? event.target.closest("button[data-vote]") : null;
			if (!button) return;
			if (button === no) {
				form.hidden = false;
				no.setAttribute("aria-expanded", "true");
				form.querySelector("input")?.focus();
			} else send(true, {});
		});
		form.addEventListener("submit", (event) => {
			event.preventDefault();
			const reasons = [...form.querySelectorAll("input[name=reason]:checked")].map((input) => input.value);
			const comment = form.elements.comment.value.trim();
			send(false, { ...(reasons.length > 0 && { reasons }), ...(comment && { comment }) });
		});
		// A "No" the reader did not send is still their vote: it goes, bare, when they leave the page.
		addEventListener("pagehide", () => {
			if (!form.hidden) send(false, {});
		});
	}
})();
