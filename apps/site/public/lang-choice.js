// Remembers the language a reader picks in the switcher, so that "/" sends them there next time.
document.addEventListener("click", (event) => {
	const link = event.target instanceof Element ? event.target.closest("[data-lang-choice]") : null;
	if (!link) return;
	try {
		localStorage.setItem("aide-lang", link.getAttribute("data-lang-choice") ?? "");
	} catch {
		// storage disabled: the choice is simply not remembered
	}
});
