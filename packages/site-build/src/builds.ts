// Where builds live. `dist` (or AIDE_SITE_OUT_DIR) is a symbolic link to the static files of the
// current build, `apps/site/.builds/<dist's hash>/<id>/client`; the same build's `server/` holds the
// draft-preview handler, and `manifest.json` what the build holds (manifest.ts). Builds stay inside
// apps/site whatever the output path, because their server code imports the site's dependencies from
// apps/site/node_modules. A new build is made in its own folder and put live by replacing the link
// with rename(2), which is atomic: a reader gets the old site or the new one, never a mix or nothing.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
	existsSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	realpathSync,
	renameSync,
	rmdirSync,
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
 * Runs `command` in a process of its own and settles when it ends, rejecting with what it wrote to
 * stderr: removing or linking a build's 100,000 files through this process's own file system calls
 * fills libuv's threads, and the site's files wait behind them.
 */
function runApart(command: string, args: readonly string[], started: (child: ChildProcess) => void = () => {}): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
		started(child);
		let error = "";
		child.stderr.on("data", (chunk: Buffer) => {
			error += chunk.toString("utf8");
		});
		child.once("error", reject);
		child.once("exit", (code, signal) =>
			code === 0
				? resolve()
				: reject(new Error(error.trim() || `${command} ${signal ? `was stopped (${signal})` : `exited with ${code}`}`)),
		);
	});
}

/** Links every file of the folder `from` into the existing folder `to` (`cp -al`), apart: at 10,000 entries per locale, about 100,000 files. */
const linkTree = (from: string, to: string, started?: (child: ChildProcess) => void) =>
	runApart("cp", ["-al", "--", `${from}/.`, to], started);

/** A linked copy of a live build made ahead of need (see {@link prepareLinkedCopy}), by the live link it copies. */
interface Spare {
	/** The live build it copies (its static folder, as liveBuild's `id`). */
	from: string;
	dir: string;
	/** Settles true once every file is linked, false if that failed (the folder is then removed). */
	ready: Promise<boolean>;
	child?: ChildProcess;
}
const spares = new Map<string, Spare>();
let spareCount = 0;

/** Drops the copy {@link prepareLinkedCopy} made for `dist`, if any: its linking stops, its folder is removed in the background. */
export function dropLinkedCopy(dist: string): void {
	const spare = spares.get(dist);
	if (!spare) return;
	spares.delete(dist);
	spare.child?.kill();
	void spare.ready.then(() => setAside(dist, [spare.dir]));
}

/**
 * Starts making, in the background, the linked copy of the live build that the next one-entry fast
 * path will take (see {@link linkedCopyOfLive}): a publish then waits for none of the linking. The
 * site service asks for one when a full build goes live. A copy of a build that is no longer live is
 * dropped.
 */
export function prepareLinkedCopy(dist: string): void {
	const live = liveBuild(dist);
	if (spares.get(dist)?.from === live?.id) return;
	dropLinkedCopy(dist);
	if (!live) return;
	// A dot name: not a build (builds.ts's pruning lists builds by name), until a fast path takes it.
	const dir = join(buildsDirOf(dist), `.spare-${process.pid}-${++spareCount}`);
	mkdirSync(dir, { recursive: true });
	const spare: Spare = { from: live.id, dir, ready: Promise.resolve(false) };
	spare.ready = linkTree(live.buildDir, dir, (child) => {
		spare.child = child;
	}).then(
		() => true,
		(error: Error) => {
			if (spares.get(dist) === spare) {
				spares.delete(dist);
				console.error(
					`aide: could not link a copy of the live site ahead of the next publish (${error.message}); the next publish links its own.`,
				);
			}
			setAside(dist, [dir]);
			return false;
		},
	);
	spares.set(dist, spare);
}

/**
 * A new build folder holding the live build's files as hard links (no extra space). A file in it must
 * be replaced (see {@link replaceFile}), never written into: that would change the live build too. The
 * copy {@link prepareLinkedCopy} made of the same live build is taken when there is one (waiting for
 * its linking to end); otherwise one is linked now.
 */
export async function linkedCopyOfLive(dist: string): Promise<{ dir: string; from: string } | undefined> {
	const live = liveBuild(dist);
	if (!live) return undefined;
	const spare = spares.get(dist);
	if (spare?.from === live.id) {
		spares.delete(dist);
		if (await spare.ready) {
			const dir = newBuildDir(dist);
			// newBuildDir made the folder; the spare takes its name.
			rmdirSync(dir);
			renameSync(spare.dir, dir);
			return { dir, from: live.id };
		}
	} else dropLinkedCopy(dist);
	const dir = newBuildDir(dist);
	await linkTree(live.buildDir, dir);
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

/** Removes `folder` apart (`rm -rf`): a page that had just gone live took seconds to be served while the service removed a build itself. */
const removeAside = (folder: string) => runApart("rm", ["-rf", "--", folder]);

/**
 * Moves `folders` (in the builds folder of `dist`) into a trash folder at once, then removes it in
 * the background (see {@link buildsPruned}).
 */
function setAside(dist: string, folders: readonly string[]): void {
	const there = folders.filter((folder) => existsSync(folder));
	if (there.length === 0) return;
	const trash = join(buildsDirOf(dist), `.trash-${process.pid}-${++trashCount}`);
	mkdirSync(trash, { recursive: true });
	for (const folder of there) renameSync(folder, join(trash, basename(folder)));
	removeLater(trash);
}

function removeLater(folder: string): void {
	pruning = pruning
		.then(() => removeAside(folder))
		.catch((error: Error) =>
			console.error(`aide: could not remove old builds in ${folder} (${error.message}); they can be deleted by hand.`),
		);
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
	setAside(
		dist,
		builds.filter((name) => !keep.has(name)).map((name) => join(dir, name)),
	);
	// What an earlier process set aside and could not finish removing, or linked ahead and did not use (it was stopped).
	for (const name of names) {
		if (name.startsWith(`.trash-${process.pid}-`) || name.startsWith(`.spare-${process.pid}-`)) continue;
		if (name.startsWith(".trash-")) removeLater(join(dir, name));
		else if (name.startsWith(".spare-")) setAside(dist, [join(dir, name)]);
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
	spares.get(dist)?.child?.kill();
	spares.delete(dist);
	rmSync(dist, { force: true });
	rmSync(buildsDirOf(dist), { recursive: true, force: true });
}
