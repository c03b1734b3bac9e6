// The images of answers, brought into the site. Strapi's Markdown editor inserts media-library images
// as `![alt](/uploads/<name>.png)`, prefixed with the address the admin is opened at: a file on the
// CMS, which readers never reach and the site's Content-Security-Policy (img-src 'self') would block
// anyway. Here each such image is read from the CMS (what the media library knows of it, with the
// build's token; its bytes and its smaller versions from /uploads/), kept in the media store under a
// name that holds a hash of its bytes (`<name>-<hash8>.<ext>`: new bytes, new name, so the site may
// cache /media/ for a year), and the answer's <img> points at the site's own /media/ copy, with its
// width and height (nothing shifts as it loads), lazy loading, and a srcset of the upload plugin's
// versions. The files go into a build through its manifest (@aide/site-build's media.ts), and into
// a preview from the store (the site service).
//
// A media-library image that cannot be shown fails the build, naming the entry, the locale and the
// image, and saying what to do: one the library does not hold (deleted, or a path typed by hand), one
// that is not an image, one the CMS does not send in time. The admin's address need not be the
// build's CMS_URL, so an /uploads/ path on another origin counts as the library's when the library
// holds it. An image from anywhere else (another site, another path, none at all) is left out of the
// answer with a warning that names it: the Content-Security-Policy would show it as a broken image
// anyway, and imported or legacy Markdown (the XSS corpus among it) must still build.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
	type ClientOptions,
	CmsError,
	describeDocument,
	fetchUploadBytes,
	fetchUploads,
	IMAGE_TYPES,
	type UploadFile,
	type UploadFormat,
} from "@aide/cms-client";
import { type ImageAttributes, imageSources, rewriteImages } from "@aide/markdown";
import type { SiteEntry } from "./site-model.ts";

/** The URL path the site serves its copies of media from (the build's `client/media/`). */
export const MEDIA_PATH = "/media/";

/**
 * How wide an answer's image is shown: the page's column (48rem less its padding) on wide screens, the
 * screen less the padding on narrow ones. The browser picks the smallest version of the srcset that fills it.
 */
export const IMAGE_SIZES = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";

/** Files read from the CMS at once. */
const DOWNLOADS_AT_ONCE = 4;

export interface MediaOptions {
	/** Told about each image dropped from an answer (for the build log). */
	readonly warn?: (message: string) => void;
	/** The CMS's URL. */
	readonly cmsUrl: string;
	/** A token that may read the media library (the site build's or the preview's); asked for only when an answer has an image. */
	readonly token: () => string;
	/** The media store (@aide/config's mediaStoreDir). */
	readonly store: string;
}

/** Where an image's file came from, for the error that names it. */
interface Use {
	readonly entry: SiteEntry;
	readonly src: string;
}

/** An image the site can show: its attributes, and the store's files they name. */
interface Localised {
	readonly attributes: ImageAttributes;
	readonly files: readonly string[];
}

function failure(use: Use, what: string): CmsError {
	return new CmsError(
		`The answer of entry ${describeDocument(use.entry, use.entry.locale)} shows the image ${JSON.stringify(use.src)}, which ${what}. Upload it again in the media library and insert it into the answer, or remove it from the answer; then publish again.`,
	);
}

/**
 * The media-library path (`/uploads/...`) an image may name, and whether it surely names one: a path
 * on the CMS's origin, or relative to it, does; on another origin it may (the admin's editor prefixes
 * the address it is opened at, which need not be the build's CMS_URL) or may be another site's.
 * Undefined for anything else.
 */
export function uploadPath(src: string, cmsUrl: string): { path: string; sure: boolean } | undefined {
	const url = URL.parse(src, cmsUrl);
	if (!url || !/^https?:$/.test(url.protocol) || !url.pathname.startsWith("/uploads/")) return undefined;
	return { path: url.pathname, sure: url.origin === new URL(cmsUrl).origin };
}

/** `small_screenshot_3f2a.png` -> `small_screenshot_3f2a`, with only characters every server and URL take as they are. */
function baseName(path: string): string {
	const file = path.slice(path.lastIndexOf("/") + 1).replace(/\.[^.]*$/, "");
	return (
		file
			.toLowerCase()
			.replace(/[^a-z0-9_-]+/g, "-")
			.replace(/^-+|-+$/g, "")
			.slice(0, 60) || "image"
	);
}

/** Keeps `bytes` in the store as `<name>-<hash8>.<ext>` (written aside, then renamed: never half a file). */
function keep(store: string, path: string, bytes: Buffer, type: string): string {
	const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
	const name = `${baseName(path)}-${hash}.${IMAGE_TYPES[type]}`;
	const file = join(store, name);
	if (!existsSync(file)) {
		const aside = join(store, `.${name}.${randomUUID()}`);
		writeFileSync(aside, bytes);
		renameSync(aside, file);
	}
	return name;
}

/** Runs `work` over `items`, `limit` at a time; the first failure is thrown. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++] as T);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A media-library image in the store: its site path, size and srcset of smaller versions, and the store's files they name. */
export interface LocalUpload {
	readonly src: string;
	readonly width: number;
	readonly height: number;
	/** The upload plugin's smaller versions and the original, by width; undefined when it made none. */
	readonly srcset: string | undefined;
	readonly files: readonly string[];
}

/**
 * Brings the media-library image at `path` (`/uploads/...`), which the library describes as `upload`,
 * into the store: the original and the upload plugin's smaller versions. `fail` turns what is wrong
 * ("is a text/plain file ...") into the error that names where the image is shown and what to do.
 */
export async function localiseUpload(
	cms: ClientOptions,
	store: string,
	path: string,
	upload: UploadFile,
	fail: (what: string) => Error,
): Promise<LocalUpload> {
	if (!(upload.mime in IMAGE_TYPES)) throw fail(`is a ${upload.mime} file in the media library, not a PNG, JPEG, GIF, WebP or AVIF image`);
	const { width, height } = upload;
	if (!width || !height) throw fail("has no width and height in the media library");
	mkdirSync(store, { recursive: true });
	const fetchOne = async (url: string) => {
		try {
			const { bytes, type } = await fetchUploadBytes(cms, url);
			return keep(store, url, bytes, type);
		} catch (error) {
			if (!(error instanceof CmsError)) throw error;
			throw fail(`the CMS at ${new URL(cms.url).host} could not send (GET ${url} ${error.message})`);
		}
	};
	// The upload plugin's smaller versions, narrowest first; one as wide as the original adds nothing.
	const versions = Object.values(upload.formats ?? {})
		.filter((format: UploadFormat) => format.width < width && format.mime in IMAGE_TYPES)
		.sort((a, b) => a.width - b.width);
	const [original, ...smaller] = await Promise.all([fetchOne(path), ...versions.map((format) => fetchOne(format.url))]);
	const srcset =
		smaller.length > 0
			? [...versions.map((format, index) => `${MEDIA_PATH}${smaller[index]} ${format.width}w`), `${MEDIA_PATH}${original} ${width}w`].join(
					", ",
				)
			: undefined;
	return { src: `${MEDIA_PATH}${original}`, width, height, srcset, files: [original as string, ...smaller] };
}

/** An answer's image's attributes and files, once its versions are in the store. */
async function localise(cms: ClientOptions, store: string, use: Use, path: string, upload: UploadFile): Promise<Localised> {
	const { src, width, height, srcset, files } = await localiseUpload(cms, store, path, upload, (what) => failure(use, what));
	// Lazy everywhere, the first image of an answer included: the same HTML is on the FAQ page that shows
	// every answer, where an eager first image would fetch every answer's screenshot; and a browser loads
	// a lazy image that is in view at once, so one at the top of an answer's own page costs little.
	return { attributes: { src, width, height, srcset, sizes: IMAGE_SIZES, loading: "lazy", decoding: "async" }, files };
}

/**
 * The entries with their answers' images brought into the site (see above): each entry's HTML points
 * at /media/ copies (images from outside the media library left out), and its `media` lists the
 * store's files it needs. Entries without images are returned as they are, and the CMS is not asked
 * anything when no answer shows an image of its library.
 */
export async function localiseMedia(entries: readonly SiteEntry[], options: MediaOptions): Promise<SiteEntry[]> {
	const leaveOut = (use: Use) =>
		options.warn?.(
			`The answer of entry ${describeDocument(use.entry, use.entry.locale)} shows the image ${JSON.stringify(use.src)}, which is not in the CMS's media library: it was left out of the page (the site shows only its own copies of the library's images). Upload it in the media library and insert it from there, or remove it from the answer.`,
		);
	// Each media-library path, with its uses: the first one that surely names the library (else the first), then the others.
	const uses = new Map<string, Use[]>();
	const sources = new Map<SiteEntry, string[]>();
	for (const entry of entries) {
		const srcs = imageSources(entry.html);
		if (srcs.length === 0) continue;
		sources.set(entry, srcs);
		for (const src of srcs) {
			const upload = uploadPath(src, options.cmsUrl);
			if (!upload) leaveOut({ entry, src });
			else {
				const list = uses.get(upload.path) ?? [];
				if (upload.sure) list.unshift({ entry, src });
				else list.push({ entry, src });
				uses.set(upload.path, list);
			}
		}
	}

	const localised = new Map<string, Localised>();
	if (uses.size > 0) {
		mkdirSync(options.store, { recursive: true });
		const cms: ClientOptions = { url: options.cmsUrl, token: options.token() };
		const uploads = await fetchUploads(cms, [...uses.keys()]).catch((error: unknown) => {
			if (!(error instanceof CmsError)) throw error;
			const [[path, [use] = []] = []] = uses;
			throw new CmsError(
				`The answers show ${uses.size} image${uses.size === 1 ? "" : "s"} of the CMS's media library (${path}${use ? ` in entry ${describeDocument(use.entry, use.entry.locale)}` : ""}${uses.size > 1 ? ", and others" : ""}), which must be read from the CMS, also when the content comes from a snapshot. ${error.message}`,
				error.status,
				{ cause: error },
			);
		});
		await eachLimited([...uses], DOWNLOADS_AT_ONCE, async ([path, [use, ...others]]) => {
			if (!use) return;
			const upload = uploads.get(path);
			if (upload) localised.set(path, await localise(cms, options.store, use, path, upload));
			else if (uploadPath(use.src, options.cmsUrl)?.sure) {
				throw failure(use, "the CMS's media library does not hold (it was deleted, or the path was typed by hand)");
			} else for (const other of [use, ...others]) leaveOut(other);
		});
	}

	return entries.map((entry) => {
		const srcs = sources.get(entry);
		if (!srcs) return entry;
		const used = (src: string) => localised.get(uploadPath(src, options.cmsUrl)?.path ?? "");
		return {
			...entry,
			html: rewriteImages(entry.html, (src) => used(src)?.attributes ?? null),
			media: [...new Set(srcs.flatMap((src) => used(src)?.files ?? []))],
		};
	});
}
