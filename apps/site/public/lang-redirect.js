// Sends readers to their language, on "/" (the locale homes) and on an answer's permalink page
// (/q/<id>/, its versions): the link of the language they picked before, else of their browser's
// preferred language, else the one marked data-lang-default (a permalink's default locale; "/" marks
// none and stays the chooser). The pages list plain links, so readers without JavaScript choose for themselves.
(() => {
	const links = [...document.querySelectorAll("[data-lang-choice]")];
	const linkFor = (code) => links.find((link) => link.getAttribute("data-lang-choice") === code);
	let chosen = null;
	try {
		chosen = localStorage.getItem("aide-lang");
	} catch {
		// storage disabled
	}
	const preferred = [chosen, ...(navigator.languages ?? [navigator.language])]
		.filter(Boolean)
		.map((tag) => linkFor(tag.toLowerCase().split("-")[0]))
		.find(Boolean);
	const target = preferred ?? document.querySelector("[data-lang-default]");
	if (target) location.replace(target.href);
})();
