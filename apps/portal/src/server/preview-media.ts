// The images of previews. A build copies into the public site only the media its published answers
// show (@aide/site-build's media.ts); a draft's images are in the media store (@aide/config's
// mediaStoreDir), where loading the draft put them. The site service, which serves previews and is not
// the public site, serves them from there under the same /media/ paths the built pages use, so a
// preview's images answer from its own origin (the preview's Content-Security-Policy: img-src 'self').
import { existsSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { IMAGE_TYPES } from "@aide/cms-client";
import { mediaStoreDir } from "@aide/config";
import { MEDIA_DIR, MEDIA_FILE_NAME } from "@aide/site-build";

/** The URL path of the built pages' images: the build's public folder `media/`. */
export const MEDIA_PREFIX = `/${MEDIA_DIR}/`;

const TYPE_OF_EXTENSION = Object.fromEntries(Object.entries(IMAGE_TYPES).map(([type, extension]) => [extension, type]));

/**
 * Answers a GET of `/media/<name>` from the media store; returns false, having sent nothing, when the
 * store has no such file (or the name is not one the store uses: never a path).
 */
export function servePreviewMedia(path: string, response: ServerResponse, store = mediaStoreDir()): boolean {
	const name = path.slice(MEDIA_PREFIX.length);
	const file = join(store, name);
	if (!MEDIA_FILE_NAME.test(name) || !existsSync(file)) return false;
	const type = TYPE_OF_EXTENSION[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";
	// A file's name holds a hash of its bytes: what it names never changes. Files are at most the CMS's upload limit.
	response.writeHead(200, { "content-type": type, "cache-control": "private, max-age=3600" });
	response.end(readFileSync(file));
	return true;
}
