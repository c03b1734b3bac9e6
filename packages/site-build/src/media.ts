// The media files a build's answers show, put among its public files: the render step's loader kept
// them in the media store (@aide/config's mediaStoreDir) under names that hold a hash of their bytes,
// and the build manifest lists the ones published answers show; each is hard-linked (copied across
// file systems) into `<buildDir>/client/media/`. Only those: a draft's image, which a preview put in
// the store, reaches readers when its answer is published and built, not before.
import { copyFileSync, existsSync, linkSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { mediaStoreDir } from "@aide/config";
import { MEDIA_FILE_NAME, readBuildManifest } from "./manifest.ts";

/** The folder of a build's public files that /media/ is served from. */
export const MEDIA_DIR = "media";

/**
 * Links each of `files` (media store names) from the store into the static folder `clientDir`'s
 * media/. Throws when one is not a store name or not in the store, naming it and what to do.
 */
export function linkMedia(clientDir: string, files: readonly string[], store = mediaStoreDir()): void {
	if (files.length === 0) return;
	const target = join(clientDir, MEDIA_DIR);
	mkdirSync(target, { recursive: true });
	for (const name of files) {
		const source = join(store, name);
		if (!MEDIA_FILE_NAME.test(name) || !existsSync(source)) {
			throw new Error(
				`The answers show the media file ${JSON.stringify(name)}, which is not in the media store ${store} (it was removed during the build, or the name is not one the build writes). Build again.`,
			);
		}
		const copy = join(target, name);
		if (existsSync(copy)) continue;
		try {
			linkSync(source, copy);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
			copyFileSync(source, copy);
		}
	}
}

/** Puts the media files the manifest of the build in `buildDir` lists into its public files. */
export function copyBuildMedia(buildDir: string, store = mediaStoreDir()): void {
	const read = readBuildManifest(buildDir);
	// A site that writes no manifest shows no media from the CMS; one that writes a bad one fails the build.
	if (!read.ok) {
		if (!existsSync(join(buildDir, "manifest.json"))) return;
		throw new Error(`The build's media files cannot be listed: ${read.reason}.`);
	}
	linkMedia(join(buildDir, "client"), read.manifest.media, store);
}
