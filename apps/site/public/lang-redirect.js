// "/" sends readers to their language: the one they picked before, else the browser's preference.
// The page itself lists plain links, so readers without JavaScript choose for themselves.
(() => {
	const available = [...document.querySelectorAll("[data-lang-choice]")].map((link) => link.getAttribute("data-lang-choice"));
	let chosen = null;
	try {
		chosen = localStorage.getItem("aide-lang");
	} catch {
		// storage disabled
	}
	const preferred = [chosen, ...(navigator.languages ?? [navigator.language])]
		.filter(Boolean)
		.map((tag) => tag.toLowerCase().split("-")[0])
		.find((code) => available.includes(code));
	if (preferred) location.replace(`/${preferred}/`);
})();
