// Search with Pagefind's JavaScript API, which is imported on first use only. Results show each
// matching question (a link to its anchor) with its excerpt, the matched words marked, in a panel
// over the page (in the page itself on the search page). When the page's language finds nothing,
// the other languages' indexes are searched and shown, labelled. `?q=` in the address opens it.
// Nothing is fetched before it is needed (issue 18): Pagefind's script when the box gets the focus,
// its index and WebAssembly at the first keystroke, the index's chunks for the words typed while the
// box waits for the reader's pause, each result's text (a Pagefind fragment) only when the result
// comes on screen, a few at a time, the category filter's choices when the panel first shows the
// filter, another language's index only when the page's own finds nothing.
// Answers published since the last full build are found too, in their new text only: Pagefind's
// script comes with the list of them (/pagefind-delta/delta.json, a few bytes), and their small
// index is merged into the main one.
// When the build wrote an insights endpoint into the box (`data-insights`), settled searches and the
// results opened from them are reported there (issue 17), unless the browser asks not to be tracked.

/**
 * What the reader typed, in the spelling the index holds: typographic apostrophes (’ ‘ ʼ) become
 * "'", no-break spaces (U+00A0, U+202F, as French puts before ? ! : ;) become spaces, and runs of
 * spaces one. packages/site-build normalises the indexed text by the same rule, so `d’essai` and
 * `d'essai` find the same answers.
 */
function normaliseQuery(text) {
	return text
		.replace(/[\u2019\u2018\u02BC]/g, "'")
		.replace(/[\u00A0\u202F]/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}

/**
 * A query as the help center's insights keep it, by the rule of @aide/cms-contract's insightQuery (a test
 * runs both on the same queries): trimmed, spaces collapsed, lower-cased, at most 100 characters; undefined
 * when nothing is left or when it looks like an e-mail address, a phone number or a run of 5 digits or
 * more, which are never sent.
 */
function insightQuery(text) {
	const query = text.normalize("NFC").trim().replace(/\s+/gu, " ").toLowerCase().slice(0, 100).trim();
	const personal = [/[^\s@]+@[^\s@]+\.[^\s@]+/u, /(?:\+\s*\d|\d)(?:[\s()./-]*\d){6,}/u, /\d{5,}/u];
	return query === "" || personal.some((pattern) => pattern.test(query)) ? undefined : query;
}

(() => {
	const root = document.querySelector("search.search");
	if (!root) return;
	const form = root.querySelector("form");
	const input = root.querySelector("#aide_search-input");
	const category = root.querySelector("#aide_search-category");
	const panel = root.querySelector(".search-panel");
	const status = root.querySelector(".search-status");
	const list = root.querySelector(".search-results");
	const end = root.querySelector(".search-end");
	const fallback = root.querySelector(".search-fallback");
	const strings = JSON.parse(root.dataset.strings ?? "{}");
	const others = JSON.parse(root.dataset.otherLanguages ?? "[]");
	// On the search page the results are the page's content: they stay, and the address follows the query.
	const inPage = root.dataset.mode === "page";
	const bundlePath = "/pagefind/";
	const instances = new Map();
	let pagefind;
	let latest = 0;
	let timer;
	// Reports only with an endpoint and a browser that does not say no: without, none of it runs.
	const endpoint = root.dataset.insights;
	const report =
		endpoint && navigator.doNotTrack !== "1" && navigator.globalPrivacyControl !== true
			? (event) => {
					// keepalive: an "open" is sent as the reader leaves the page for the answer.
					const body = JSON.stringify({ ...event, locale: document.documentElement.lang });
					fetch(endpoint, { method: "POST", keepalive: true, headers: { "content-type": "application/json" }, body }).catch(() => {});
				}
			: undefined;
	// pending: the search on screen, not reported yet ({ query, results }); shown: its query, which a result
	// opened from it is reported with; reported: the queries sent, each once per page view.
	let pending;
	let shown;
	let settling;
	const reported = new Set();
	const settle = () => {
		clearTimeout(settling);
		const search = pending;
		pending = undefined;
		if (!search || reported.has(search.query)) return;
		reported.add(search.query);
		report?.({ type: "search", ...search });
	};

	/**
	 * The answers published since the site's last full build (packages/site-build's index-delta.ts): a
	 * small index to merge into the main one, in the languages it has, and the main index's ids of the
	 * pages it replaces, which are stale. A full build's has none of either.
	 */
	const deltaPath = "/pagefind-delta/";
	let delta;
	let stale = new Set();
	let replacement = new Map();
	/** The text of the site's file at `url` as the server has it now ("" when it cannot be read). */
	const readNow = (url) =>
		fetch(url, { cache: "no-store" }).then(
			(response) => (response.ok ? response.text() : ""),
			() => "",
		);
	const deltaUrl = `${deltaPath}delta.json`;
	/** delta.json as read when the index was loaded (see indexChanged). */
	let deltaText = "";
	const loadDelta = () => {
		// Without it (a failure, or a file not as the build writes it), search uses the main index alone.
		delta ??= readNow(deltaUrl)
			.then((text) => {
				deltaText = text;
				const data = JSON.parse(text || "{}");
				const { languages, hide, replace } = data ?? {};
				stale = new Set(Array.isArray(hide) ? hide : []);
				replacement = new Map(replace && typeof replace === "object" ? Object.entries(replace) : []);
				return new Set(Array.isArray(languages) ? languages : []);
			})
			.catch(() => new Set());
		return delta;
	};
	/**
	 * An instance of Pagefind (the module, or one made for another language) from `make`, with the small
	 * index of `lang` merged in, if it has one. A merge that fails means the small index delta.json named
	 * is gone: a full build went live since it was read, and holds all of it. Pagefind keeps a failed
	 * merge (every search after it fails), so the instance is dropped and made again, with the live
	 * build's delta.json.
	 */
	const withDelta = async (make, lang) => {
		const read = loadDelta();
		const instance = await make();
		if (!(await read).has(lang)) return instance;
		try {
			await instance.mergeIndex(deltaPath, { language: lang });
			return instance;
		} catch {
			await Promise.resolve(instance.destroy?.()).catch(() => {});
			delta = undefined;
			loadedEntry = readEntry();
			const again = await make();
			if ((await loadDelta()).has(lang)) await again.mergeIndex(deltaPath, { language: lang });
			return again;
		}
	};
	/**
	 * Search results without the stale pages: a changed page's new version takes its old one's place in
	 * the ranking (the small index's own scores rank below the main index's), a page whose old version
	 * no longer ranks is dropped; each page once (one the small index has unchanged is in both).
	 */
	const current = (results) => {
		const byId = new Map(results.map((result) => [result.id, result]));
		const shown = new Set();
		return results.flatMap((result) => {
			const page = stale.has(result.id) ? byId.get(replacement.get(result.id)) : result;
			if (!page || shown.has(page.id)) return [];
			shown.add(page.id);
			return [page];
		});
	};

	/** The main index's entry file, as it is now on the server. */
	const readEntry = () => readNow(`${bundlePath}pagefind-entry.json`);
	/** The entry file as read when the index was loaded. */
	let loadedEntry;
	/**
	 * Whether a newer build than the one this page loaded the index of went live. Pagefind fetches an
	 * index chunk when a search first needs one, and takes a chunk it cannot fetch (removed with its
	 * build) for a chunk without the word: the search then finds nothing, without an error.
	 */
	const indexChanged = async () => {
		const [entry, text] = await Promise.all([readEntry(), readNow(deltaUrl)]);
		return entry !== (await loadedEntry) || text !== deltaText;
	};

	/** Forgets the index loaded (Pagefind's, the small one's list and the other languages'), so that the next search loads the live build's. */
	const restart = async () => {
		const loaded = [pagefind, ...instances.values()];
		pagefind = undefined;
		delta = undefined;
		loadedEntry = undefined;
		stale = new Set();
		replacement = new Map();
		instances.clear();
		await Promise.all(
			loaded.map((instance) =>
				Promise.resolve(instance)
					.then((pf) => pf?.destroy?.())
					.catch(() => {}),
			),
		);
	};

	const load = () => {
		if (!pagefind) loadedEntry = readEntry();
		// The module again after a failed merge is a new instance: Pagefind's destroy() drops the one it held.
		pagefind ??= withDelta(() => import(`${bundlePath}pagefind.js`), document.documentElement.lang).catch((error) => {
			// Tried again at the next search.
			pagefind = undefined;
			throw error;
		});
		return pagefind;
	};
	// Pagefind loads its index's metadata and WebAssembly on its first search; asked at the first
	// keystroke, it does so while the reader types on and the box waits for the pause.
	// A failure to load shows, if it lasts, when the search itself runs.
	const warm = () =>
		load()
			.then((module) => module.init())
			.catch(() => {});

	/**
	 * The category filter's choices, fetched once (again after a failure): the page holds only "all
	 * categories", so that no page carries the list. A reader who reaches for the filter first gets them then.
	 */
	let categoriesLoaded;
	const loadCategories = () => {
		categoriesLoaded ??= fetch(root.dataset.categories)
			.then((response) => {
				if (!response.ok) throw new Error(`${response.status} for ${response.url}`);
				return response.json();
			})
			.then((names) => category.append(...names.map((name) => new Option(name, name))))
			.catch(() => {
				categoriesLoaded = undefined;
			});
		return categoriesLoaded;
	};

	/** Pagefind picks an instance's index from <html lang> when it is created. */
	async function instanceFor(code) {
		if (!instances.has(code)) {
			const module = await load();
			const make = () => {
				const html = document.documentElement;
				const own = html.getAttribute("lang");
				html.setAttribute("lang", code);
				try {
					return module.createInstance({ basePath: bundlePath });
				} finally {
					html.setAttribute("lang", own);
				}
			};
			instances.set(code, withDelta(make, code));
		}
		return instances.get(code);
	}

	/** Pagefind's excerpt is text with <mark> around matches: keep exactly that, nothing else. */
	function excerptNode(html, lang) {
		const template = document.createElement("template");
		template.innerHTML = html;
		const paragraph = document.createElement("p");
		paragraph.lang = lang;
		for (const node of template.content.childNodes) {
			if (node.nodeName === "MARK") {
				const mark = document.createElement("mark");
				mark.textContent = node.textContent;
				paragraph.append(mark);
			} else {
				paragraph.append(node.textContent ?? "");
			}
		}
		return paragraph;
	}

	/** A result is one answer: link to its question's heading (the anchored sub-result). */
	function hits(data) {
		const heading = (data.sub_results ?? []).find((sub) => sub.anchor?.element === "h1");
		return [{ url: heading?.url ?? data.url, title: data.meta?.title ?? heading?.title ?? data.url, excerpt: data.excerpt }];
	}

	function item(hit, lang, dir) {
		const li = document.createElement("li");
		const link = document.createElement("a");
		link.href = hit.url;
		link.textContent = hit.title;
		if (lang !== document.documentElement.lang) {
			link.hreflang = lang;
			link.lang = lang;
			// Arabic results on a French page (and the reverse) keep their own direction.
			if (dir) li.dir = dir;
		}
		li.append(link, excerptNode(hit.excerpt, lang));
		return li;
	}

	/**
	 * Results whose text (a Pagefind fragment each) is fetched at a time: what the panel shows at once
	 * (at 1280 × 720, three results and the title of a fourth; a fifth was fetched and never seen); the
	 * next ones when the reader scrolls to the end of the list, or at once when it is on screen.
	 */
	const BATCH = 4;
	/** Shows the next results of the search on screen; undefined when there are no more, or while they are fetched. */
	let following;
	/** True when the end of the list is on screen: in the panel over the page, or in the window on the search page. */
	const atEnd = () => !panel.hidden && end.getBoundingClientRect().top <= (inPage ? innerHeight : panel.getBoundingClientRect().bottom);
	// Over the page, the panel is what scrolls; on the search page, the page.
	const observer = new IntersectionObserver(
		(entries) => {
			if (entries.some((entry) => entry.isIntersecting)) void following?.();
		},
		{ root: inPage ? null : panel },
	);
	observer.observe(end);
	/** After the first `count` of `results` are on screen: the next ones when the reader reaches the end of the list. */
	function follow(results, count, query) {
		following =
			count >= results.length
				? undefined
				: async () => {
						following = undefined;
						const data = await Promise.all(results.slice(count, count + BATCH).map((result) => result.data()));
						if (query !== latest) return;
						list.append(...data.flatMap(hits).map((hit) => item(hit, document.documentElement.lang)));
						follow(results, count + data.length, query);
					};
		// The observer speaks when the end comes on screen, not while it stays there (a list shorter than the panel).
		if (atEnd()) void following?.();
	}

	const message = (count, term) =>
		(count === 0 ? strings.zero : count === 1 ? strings.one : strings.many)
			.replace("[COUNT]", String(count))
			.replace("[SEARCH_TERM]", () => term);

	const open = () => {
		panel.hidden = false;
	};
	const close = () => {
		if (!inPage) panel.hidden = true;
		settle();
	};

	/** The category filter as Pagefind takes it. */
	const filtersNow = () => (category.value ? { category: category.value } : {});

	/** On the search page, the address carries the query, so that it can be copied and sent. */
	function remember(term) {
		if (!inPage) return;
		const url = new URL(location.href);
		if (term) url.searchParams.set("q", term);
		else url.searchParams.delete("q");
		history.replaceState(history.state, "", url);
	}

	async function run() {
		clearTimeout(timer);
		const term = normaliseQuery(input.value);
		const query = ++latest;
		following = undefined;
		remember(term);
		if (term.length < 2) {
			close();
			return;
		}
		const searchNow = async () => {
			const search = await (await load()).search(term, { filters: filtersNow() });
			const matches = current(search.results);
			return { matches, results: await Promise.all(matches.slice(0, BATCH).map((result) => result.data())) };
		};
		let answer;
		try {
			answer = await searchNow();
			// Nothing found may be an index chunk gone with its build (see indexChanged): again, with the live index.
			if (answer.matches.length === 0 && (await indexChanged())) {
				await restart();
				answer = await searchNow();
			}
		} catch {
			// A build went live since this page loaded the index: its files are gone. Again, with the live one's.
			await restart();
			answer = await searchNow();
		}
		const { matches, results } = answer;
		if (query !== latest) return;
		const found = results.flatMap(hits);
		list.replaceChildren(...found.map((hit) => item(hit, document.documentElement.lang)));
		status.textContent = message(matches.length, term);
		// What the list shows now: lets tests (and styles) tell a finished search from a pending one.
		list.dataset.for = `${term}|${category.value}`;
		open();
		follow(matches, results.length, query);
		// The panel shows the filter now: its choices come after the results.
		void loadCategories();
		if (report) {
			// Settled when the reader types nothing more for 1.5 s, or closes the panel, or leaves.
			shown = insightQuery(term);
			pending = shown === undefined ? undefined : { query: shown, results: matches.length };
			clearTimeout(settling);
			settling = setTimeout(settle, 1500);
		}
		fallback.hidden = true;
		fallback.replaceChildren();
		if (found.length > 0) return;
		for (const { code, label, dir } of others) {
			const other = await (await instanceFor(code)).search(term);
			const data = await Promise.all(
				current(other.results)
					.slice(0, 5)
					.map((result) => result.data()),
			);
			if (query !== latest || data.length === 0) continue;
			const title = document.createElement("h2");
			title.textContent = label;
			const otherList = document.createElement("ol");
			otherList.append(...data.flatMap(hits).map((hit) => item(hit, code, dir)));
			fallback.append(title, otherList);
			fallback.hidden = false;
		}
	}

	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(run, 150);
		// As Pagefind's own UI does: the index chunks of what is typed load during the pause, not after it.
		const term = normaliseQuery(input.value);
		if (term.length >= 2)
			load()
				.then((module) => module.preload(term, { filters: filtersNow() }))
				.catch(() => {});
		// A keystroke: what was shown did not settle.
		clearTimeout(settling);
		pending = undefined;
	};
	const links = () => [...panel.querySelectorAll(".search-results a, .search-fallback a")];

	if (inPage) open();
	// The search page's note for readers without JavaScript: this one has it.
	for (const note of document.querySelectorAll("[data-search-needs-js]")) note.hidden = true;
	input.addEventListener("input", schedule);
	category.addEventListener("change", run);
	for (const reach of ["pointerenter", "pointerdown", "focus"]) category.addEventListener(reach, () => void loadCategories());
	input.addEventListener("focus", () => void load().catch(() => {}), { once: true });
	input.addEventListener("input", warm, { once: true });
	// Enter searches at once; without JavaScript the same form opens the search page.
	form.addEventListener("submit", (event) => {
		event.preventDefault();
		void run();
	});
	input.addEventListener("keydown", (event) => {
		if (event.key === "Escape" && panel.hidden) input.value = "";
		if (event.key === "ArrowDown" && !panel.hidden) {
			event.preventDefault();
			links()[0]?.focus();
		}
	});
	root.addEventListener("keydown", (event) => {
		if (event.key === "Escape" && !panel.hidden && !inPage) {
			event.preventDefault();
			close();
			input.focus();
			return;
		}
		if (!(event.target instanceof HTMLAnchorElement) || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
		const all = links();
		const at = all.indexOf(event.target);
		if (at < 0) return;
		event.preventDefault();
		const next = all[at + (event.key === "ArrowDown" ? 1 : -1)];
		(next ?? (event.key === "ArrowUp" ? input : event.target)).focus();
	});
	// A panel over the page closes when the reader clicks or tabs elsewhere.
	document.addEventListener("pointerdown", (event) => {
		if (event.target instanceof Node && !root.contains(event.target)) close();
	});
	root.addEventListener("focusout", (event) => {
		if (event.relatedTarget instanceof Node && !root.contains(event.relatedTarget)) close();
	});
	input.addEventListener("click", () => {
		if (panel.hidden && normaliseQuery(input.value).length >= 2) void run();
	});
	document.addEventListener("keydown", (event) => {
		const typing = event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]");
		if (((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") || (event.key === "/" && !typing)) {
			event.preventDefault();
			input.focus();
			input.select();
			if (panel.hidden && normaliseQuery(input.value).length >= 2) void run();
		}
	});

	if (report) {
		addEventListener("pagehide", settle);
		document.addEventListener("visibilitychange", () => {
			if (document.visibilityState === "hidden") settle();
		});
		// A result opened (clicked, or middle-clicked into a new tab): its search settled, then the answer it led to.
		const opened = (event) => {
			const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
			if (!link || event.button > 1 || shown === undefined) return;
			settle();
			report({ type: "open", query: shown, path: new URL(link.href).pathname });
		};
		panel.addEventListener("click", opened);
		panel.addEventListener("auxclick", opened);
	}

	const shared = new URLSearchParams(location.search).get("q");
	if (shared) {
		input.value = shared;
		input.focus({ preventScroll: true });
		void run();
	}
})();
