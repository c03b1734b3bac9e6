// Where builds live. `dist` (or AIDE_SITE_OUT_DIR) is a symbolic link to the static files of the
// current build, `apps/site/.builds/<dist's hash>/<id>/client`; the same build's `server/` holds the
// draft-preview handler, and `manifest.json` what the build holds (manifest.ts). Builds stay inside
// apps/site whatever the output path, because their server code imports the site's dependencies from
// apps/site/node_modules. A new build is made in its own folder and put live by replacing the link
// with rename(2), which is atomic: a reader gets the old site or the new one, never a mix or nothing.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
	existsSync,
	linkSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	realpathSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { paths, siteOutDir } from "@aide/config";
import { removeCopies } from "./precompress.ts";

const siteDir = paths.site;

/** How many builds stay on disk: the live one, and the one before for requests still reading it. */
const KEEP_BUILDS = 2;

/** The path readers are served from: AIDE_SITE_OUT_DIR, else apps/site/dist. */
export function distPath(env: Record<string, string | undefined> = process.env): string {
	return siteOutDir(env);
}

const buildsDirOf = (dist: string) => join(siteDir, ".builds", createHash("sha256").update(dist).digest("hex").slice(0, 12));

let builds = 0;

/** A new, empty folder for a build (Astro writes `client/` and `server/` into it). */
export function newBuildDir(dist: string): string {
	const dir = join(buildsDirOf(dist), `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}-${++builds}`);
	mkdirSync(dir, { recursive: true });
	return dir;
}

/**
 * A new build folder holding the live build's files as hard links (fast, and no extra space). A
 * file in it must be replaced (see {@link replaceFile}), never written into: that would change the
 * live build too.
 */
export function linkedCopyOfLive(dist: string): { dir: string; from: string } | undefined {
	const live = liveBuild(dist);
	if (!live) return undefined;
	const from = live.buildDir;
	const dir = newBuildDir(dist);
	const copy = (source: string, target: string) => {
		for (const entry of readdirSync(source, { withFileTypes: true })) {
			if (entry.isDirectory()) {
				mkdirSync(join(target, entry.name));
				copy(join(source, entry.name), join(target, entry.name));
			} else linkSync(join(source, entry.name), join(target, entry.name));
		}
	};
	copy(from, dir);
	return { dir, from: live.id };
}

/**
 * The file or folder `segments` (names, some made of content such as a slug) under `root`. Throws
 * rather than name anything outside `root`: each segment must be one plain name (not empty, "." or
 * "..", and without "/", "\\" or NUL), and the result is checked to be inside `root` all the same.
 * The loader refuses such slugs first (see content-models/); this is the second line.
 */
export function pathInside(root: string, ...segments: string[]): string {
	const bad = segments.find((segment) => segment === "" || segment === "." || segment === ".." || /[/\\\0]/.test(segment));
	const path = resolve(root, ...segments);
	const inside = relative(resolve(root), path);
	if (bad !== undefined || inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
		throw new Error(
			`${JSON.stringify(bad ?? segments.join("/"))} is not a plain file or folder name, so it cannot be written under ${root}; nothing was written. Check the slugs of the content in the CMS.`,
		);
	}
	return path;
}

/**
 * Replaces the file `segments` in the build folder `root` (a linked copy) with new content, leaving
 * the file it was linked to alone, and returns its path. Its compressed copies (precompress.ts) go
 * too: they hold the old content, and the server would send them. {@link precompressFiles} writes
 * new ones. The segments must be plain names (see {@link pathInside}).
 */
export function replaceFile(root: string, segments: readonly string[], content: string): string {
	const file = pathInside(root, ...segments);
	// A new page (a new entry, a new slug) gets its folder.
	mkdirSync(dirname(file), { recursive: true });
	rmSync(file, { force: true });
	removeCopies(file);
	writeFileSync(file, content);
	return file;
}

/** Puts a finished build live, atomically, then removes builds older than the one it replaced (see {@link buildsPruned}). */
export function promoteBuild(dist: string, buildDir: string): void {
	const link = `${dist}.link-${process.pid}`;
	mkdirSync(dirname(dist), { recursive: true });
	rmSync(link, { force: true });
	symlinkSync(relative(dirname(dist), join(buildDir, "client")), link);
	// A real folder from an older layout cannot be replaced atomically by a link: move it aside once.
	// Its name sorts before every build's, so the next build removes it.
	if (existsSync(dist) && !lstatSync(dist).isSymbolicLink()) renameSync(dist, join(buildsDirOf(dist), "0000-previous-layout"));
	renameSync(link, dist);
	pruneBuilds(dist);
}

/** Removes a build that failed, or that is not needed any more. */
export function removeBuild(buildDir: string): void {
	rmSync(buildDir, { recursive: true, force: true });
}

let pruning: Promise<void> = Promise.resolve();
let trashCount = 0;

/** Settles when the old builds set aside so far are removed from the disk. */
export function buildsPruned(): Promise<void> {
	return pruning;
}

/**
 * Removes `folder` in a process of its own (`rm -rf`): removing a build's 100,000 files through this
 * process's own file system calls filled libuv's threads, and the site's files waited behind them (a
 * page that had just gone live took seconds to be served).
 */
function removeAside(folder: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn("rm", ["-rf", "--", folder], { stdio: ["ignore", "ignore", "pipe"] });
		let error = "";
		child.stderr.on("data", (chunk: Buffer) => {
			error += chunk.toString("utf8");
		});
		child.once("error", reject);
		child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(error.trim() || `rm exited with ${code}`))));
	});
}

/**
 * Sets aside (renames, at once) the builds older than the live one and the one before it, then
 * removes them in the background: a build of 20,000 pages takes seconds to delete, and the site
 * service must go on serving meanwhile. What is set aside is decided here, before any next build
 * folder can appear.
 */
function pruneBuilds(dist: string): void {
	const dir = buildsDirOf(dist);
	const live = basename(dirname(realpathSync(dist)));
	const names = readdirSync(dir);
	const builds = names
		.filter((name) => !name.startsWith("."))
		.sort()
		.reverse();
	const keep = new Set([live, ...builds.filter((name) => name !== live).slice(0, KEEP_BUILDS - 1)]);
	const doomed = builds.filter((name) => !keep.has(name));
	const trashes: string[] = [];
	if (doomed.length > 0) {
		const trash = join(dir, `.trash-${process.pid}-${++trashCount}`);
		mkdirSync(trash);
		for (const name of doomed) renameSync(join(dir, name), join(trash, name));
		trashes.push(trash);
	}
	// What an earlier process set aside and could not finish removing (it was stopped).
	const ours = `.trash-${process.pid}-`;
	for (const name of names) if (name.startsWith(".trash-") && !name.startsWith(ours)) trashes.push(join(dir, name));
	for (const trash of trashes) {
		pruning = pruning
			.then(() => removeAside(trash))
			.catch((error: Error) =>
				console.error(`aide: could not remove old builds in ${trash} (${error.message}); they can be deleted by hand.`),
			);
	}
}

/**
 * The live build: its folder (which holds its manifest, see manifest.ts), its static files and its
 * server handler's entry module. Undefined before the first build.
 */
export function liveBuild(dist: string): { id: string; buildDir: string; staticDir: string; serverEntry: string } | undefined {
	if (!existsSync(dist)) return undefined;
	const staticDir = realpathSync(dist);
	const buildDir = dirname(staticDir);
	return { id: staticDir, buildDir, staticDir, serverEntry: join(buildDir, "server", "entry.mjs") };
}

/** Removes the live link and every build behind it (for tests and benchmarks that build into a temporary place). */
export function removeSite(dist: string): void {
	rmSync(dist, { force: true });
	rmSync(buildsDirOf(dist), { recursive: true, force: true });
}
