// The files a built site serves, listed once when a build goes live (a build's files never change
// after that: the fast path replaces pages in a new build folder). Only a listed name is ever
// opened, so no spelling of a path (`..`, `%2e%2e`, `//`, a NUL) can reach outside the build, and
// dotfiles are not served. A URL path finds its file as it did under sirv: `/fr/` and `/fr` are
// `/fr/index.html`, `/404` is `/404.html`. A page's precompressed copies (`.br`, `.gz`, see
// @aide/site-build's precompress.ts) are its other forms, not files of their own.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
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

/** Lists the site at `dir`; returns how to find the file a URL path names. */
export function siteFiles(dir: string): (pathname: string) => SiteFile | undefined {
	const names = new Set<string>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const name = `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/")}`.normalize();
		if (!hidden(name)) names.add(name);
	}
	const files = new Map<string, SiteFile>();
	for (const name of names) {
		const copies: SiteFile["copies"] = {};
		for (const [coding, suffix] of COPY_SUFFIXES) if (names.has(`${name}${suffix}`)) copies[coding] = join(dir, `${name}${suffix}`);
		files.set(name, { name, path: join(dir, name), copies });
	}
	// A copy whose file is here too is one of its forms; a `.gz` file of its own (an archive) stays a file.
	for (const name of names) {
		const copyOf = COPY_SUFFIXES.find(([, suffix]) => name.endsWith(suffix) && names.has(name.slice(0, -suffix.length)));
		if (copyOf) files.delete(name);
	}
	return (pathname) => {
		const path = pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
		const candidates = path === "" ? ["/index", "/index.html"] : [path, `${path}/index`, `${path}.html`, `${path}/index.html`];
		for (const candidate of candidates) {
			const file = files.get(candidate);
			if (file) return file;
		}
		return undefined;
	};
}
