// Links made before the help-center home pointed at answers on the home (/fr/#<anchor>): the
// answers are now on the full FAQ page, under the same anchors, so such a link is sent there.
// Without JavaScript the reader lands on the home, which links to that page.
(() => {
	const target = document.currentScript?.dataset.faq;
	const hash = location.hash.slice(1);
	if (!target || !hash) return;
	let anchor = hash;
	try {
		anchor = decodeURIComponent(hash);
	} catch {
		// a malformed escape: the anchor is taken as written
	}
	// An id of the home itself (the skip link's target) stays here.
	if (document.getElementById(anchor)) return;
	location.replace(`${target}${location.hash}`);
})();
