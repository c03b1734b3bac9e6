// The files a built site serves, listed once when a build goes live (a build's files never change
// after that: the fast path replaces pages in a new build folder, and lists only those again). Only a listed name is ever
// opened, so no spelling of a path (`..`, `%2e%2e`, `//`, a NUL) can reach outside the build, and
// dotfiles are not served. A URL path finds its file as it did under sirv: `/fr/` and `/fr` are
// `/fr/index.html`, `/404` is `/404.html`. A page's precompressed copies (`.br`, `.gz`, see
// @aide/site-build's precompress.ts) are its other forms, not files of their own.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { COPY_SUFFIX } from "@aide/site-build";
import type { Coding } from "./accept-encoding.ts";

/** A file the site serves: where it is, and its compressed copies. */
export interface SiteFile {
	/** Its path in the site: `/fr/index.html`. */
	name: string;
	/** Its path on disk. */
	path: string;
	/** Its copies, by coding (on disk). */
	copies: Partial<Record<Coding, string>>;
}

/** The copies' suffixes, as the build writes them. */
const COPY_SUFFIXES = Object.entries(COPY_SUFFIX) as ReadonlyArray<readonly [Coding, string]>;

/** Whether a name in the site is a dotfile, or in a dot folder (`/.well-known/` is served, as sirv did). */
const hidden = (name: string) => /\/\.(?!well-known\/)/.test(name);

/** The path of the request-target `url` without its query or fragment, decoded as sirv did. */
export function pathnameOf(url: string): string {
	let path = url;
	const hash = path.indexOf("#", 1);
	if (hash !== -1) path = path.slice(0, hash);
	const query = path.indexOf("?", 1);
	if (query !== -1) path = path.slice(0, query);
	if (!path.includes("%")) return path;
	try {
		return decodeURI(path);
	} catch {
		// A malformed escape: the path as sent, which no file has.
		return path;
	}
}

/** The names (`/fr/index.html`) of the files under `folder` (a name in the site, or the whole site) of the site at `dir`, dotfiles left out. */
function listNames(dir: string, folder = ""): string[] {
	const root = join(dir, folder);
	const names: string[] = [];
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		// The entry's path below the site's folder, in URL form (parentPath is `root`, or a folder under it).
		const below = `${folder}${entry.parentPath.slice(root.length)}/${entry.name}`;
		const name = `/${(sep === "/" ? below : below.split(sep).join("/")).replace(/^\/+/, "")}`.normalize();
		if (!hidden(name)) names.push(name);
	}
	return names;
}

/** The name a compressed copy's name is a copy of (its suffix removed), or undefined for a name without a copy's suffix. */
const copiedName = (name: string) => {
	const suffix = COPY_SUFFIXES.find(([, suffix]) => name.endsWith(suffix))?.[1];
	return suffix === undefined ? undefined : name.slice(0, -suffix.length);
};

/** The files of a built site, listed once, and how a URL path finds one (see the top of this file). */
export class SiteFiles {
	/** The site's folder. */
	readonly dir: string;
	/** Every file of the site, copies included. */
	private readonly names: Set<string>;
	/** The files served (a copy is a form of its file, not a file), with the codings of their copies. */
	private readonly files: Map<string, Coding[]>;

	private constructor(dir: string, names: Set<string>, files: Map<string, Coding[]>) {
		this.dir = dir;
		this.names = names;
		this.files = files;
	}

	/** Lists the site at `dir`. */
	static list(dir: string): SiteFiles {
		const site = new SiteFiles(dir, new Set(listNames(dir)), new Map());
		for (const name of site.names) site.place(name);
		return site;
	}

	/**
	 * The same site in the folder `dir`, a linked copy of this one's in which the files or folders
	 * `changed` (names in the site: `/fr/faq/x/index.html`, `/pagefind-delta`) were written, replaced
	 * or removed, with their compressed copies. Only those are listed again: the whole site takes
	 * seconds at 10,000 entries per locale, during which no reader is served.
	 */
	changedIn(dir: string, changed: readonly string[]): SiteFiles {
		const site = new SiteFiles(dir, new Set(this.names), new Map(this.files));
		const touched = new Set<string>();
		const folders = changed.map((name) => `${name}/`);
		for (const name of this.names) {
			const gone = changed.includes(name) || changed.includes(copiedName(name) ?? "") || folders.some((folder) => name.startsWith(folder));
			if (gone) {
				site.names.delete(name);
				touched.add(name);
			}
		}
		for (const name of changed) {
			const path = join(dir, name);
			if (!existsSync(path)) continue;
			const names = statSync(path).isDirectory()
				? listNames(dir, name)
				: [name, ...COPY_SUFFIXES.map(([, suffix]) => `${name}${suffix}`).filter((copy) => existsSync(join(dir, copy)))];
			for (const added of names.filter((added) => !hidden(added))) {
				site.names.add(added);
				touched.add(added);
			}
		}
		for (const name of touched) site.settle(name);
		return site;
	}

	/** Brings the entries of `name`, its file (when it is a copy) and its copies up to date with `names`. */
	private settle(name: string): void {
		const base = copiedName(name);
		if (base !== undefined) this.place(base);
		for (const file of [name, ...COPY_SUFFIXES.map(([, suffix]) => `${name}${suffix}`)]) this.place(file);
	}

	/** Serves `name` as a file, with the codings of its copies, or not at all: when it is not in the site, or when it is a copy whose file is (a `.gz` file of its own, an archive, stays a file). */
	private place(name: string): void {
		const original = copiedName(name);
		if (!this.names.has(name) || (original !== undefined && this.names.has(original))) this.files.delete(name);
		else
			this.files.set(
				name,
				COPY_SUFFIXES.flatMap(([coding, suffix]) => (this.names.has(`${name}${suffix}`) ? [coding] : [])),
			);
	}

	/** The file the URL path `pathname` names, if the site has it. */
	find(pathname: string): SiteFile | undefined {
		const path = pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
		const candidates = path === "" ? ["/index", "/index.html"] : [path, `${path}/index`, `${path}.html`, `${path}/index.html`];
		for (const name of candidates) {
			const codings = this.files.get(name);
			if (codings) {
				const path = join(this.dir, name);
				return { name, path, copies: Object.fromEntries(codings.map((coding) => [coding, `${path}${COPY_SUFFIX[coding]}`])) };
			}
		}
		return undefined;
	}
}
