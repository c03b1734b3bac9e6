// The media library's files, as the site build needs them: what the upload plugin knows of a file
// (its type, size and the smaller versions it made: thumbnail, small, medium, large), read through
// the content API with the build's read-only token, and the file's bytes, which Strapi serves to
// anyone under /uploads/ on its own origin. Readers never reach that origin: the build copies them.
import pRetry, { AbortError } from "p-retry";
import { z } from "zod";
import { type ClientOptions, CmsError, getJson } from "./client.ts";

const formatSchema = z.object({
	url: z.string().min(1),
	mime: z.string(),
	width: z.number().int().positive(),
	height: z.number().int().positive(),
});

const uploadSchema = z.object({
	url: z.string().min(1),
	mime: z.string(),
	width: z.number().int().positive().nullish(),
	height: z.number().int().positive().nullish(),
	/** The upload plugin's smaller versions, by name; null when the image is smaller than all of them. */
	formats: z.record(z.string(), formatSchema).nullish(),
});

export type UploadFile = z.infer<typeof uploadSchema>;
export type UploadFormat = z.infer<typeof formatSchema>;

/** URLs asked for in one request: the filter goes in the query string, which servers cap near 8 KB. */
const URLS_PER_REQUEST = 40;

/**
 * The media library's files whose `url` is one of `urls` (as the Markdown editor inserts them:
 * `/uploads/<name>.<ext>`), by URL. A URL the library does not hold is not in the map.
 */
export async function fetchUploads(options: ClientOptions, urls: readonly string[]): Promise<Map<string, UploadFile>> {
	const found = new Map<string, UploadFile>();
	const host = new URL(options.url).host;
	for (let start = 0; start < urls.length; start += URLS_PER_REQUEST) {
		const batch = urls.slice(start, start + URLS_PER_REQUEST);
		const params = new URLSearchParams(batch.map((url, index): [string, string] => [`filters[url][$in][${index}]`, url]));
		const path = `/api/upload/files?${params}`;
		const parsed = z.array(uploadSchema).safeParse(await getJson(options, path));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new CmsError(
				`The CMS at ${host} answered GET ${path} with something that is not a list of media files (${issue?.path.join(".") || "(list)"}: ${issue?.message}).`,
			);
		}
		for (const file of parsed.data) found.set(file.url, file);
	}
	return found;
}

/** The image types a page may show: what the CMS accepts as images (apps/cms/config/plugins.ts). */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
	"image/png": "png",
	"image/jpeg": "jpg",
	"image/gif": "gif",
	"image/webp": "webp",
	"image/avif": "avif",
};

class Retryable extends Error {}

/**
 * The bytes of a media file at `path` on the CMS's origin. Fails with a {@link CmsError} whose message
 * says only what went wrong ("answered 404", "no answer within 10 s", "is text/plain, not an image"):
 * the caller names the entry and the locale. Retried on network errors and 5xx, never on 404.
 */
export async function fetchUploadBytes(options: ClientOptions, path: string): Promise<{ bytes: Buffer; type: string }> {
	const timeoutMs = options.timeoutMs ?? 10_000;
	const attempt = async () => {
		let response: Response;
		try {
			// No token: Strapi serves its uploads to anyone, and a token has no business leaving in a file request.
			response = await fetch(new URL(path, options.url), { signal: AbortSignal.timeout(timeoutMs) });
		} catch (error) {
			const reason = (error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : (error as Error).message;
			throw new Retryable(reason, { cause: error });
		}
		if (response.status >= 500 || response.status === 429) throw new Retryable(`answered ${response.status}`);
		if (!response.ok) throw new AbortError(new CmsError(`answered ${response.status}`, response.status));
		const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
		if (!(type in IMAGE_TYPES)) {
			await response.body?.cancel();
			throw new AbortError(new CmsError(`is ${type || "of no stated type"}, not a PNG, JPEG, GIF, WebP or AVIF image`, response.status));
		}
		try {
			return { bytes: Buffer.from(await response.arrayBuffer()), type };
		} catch (error) {
			throw new Retryable((error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : (error as Error).message);
		}
	};
	try {
		return await pRetry(attempt, {
			retries: options.retries ?? 2,
			minTimeout: options.minRetryDelayMs ?? 250,
			randomize: true,
			shouldRetry: ({ error }) => error instanceof Retryable,
		});
	} catch (error) {
		if (error instanceof Retryable) throw new CmsError(error.message, undefined, { cause: error });
		throw error;
	}
}
