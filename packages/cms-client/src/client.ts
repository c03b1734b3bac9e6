// Reads the CMS's REST API the way a build should: page by page, each request with a timeout,
// retried with jittered backoff on network errors, 5xx and 429 only (never on 401/403), and with the
// total checked against what the CMS announced. Errors name the host, the request and what to do.
import pRetry, { AbortError } from "p-retry";

export interface ClientOptions {
	/** The CMS's base URL, e.g. http://127.0.0.1:1337. */
	readonly url: string;
	/** A content-API token that may read (the "Aide site build" token). */
	readonly token: string;
	/** Per request, in milliseconds. */
	readonly timeoutMs?: number;
	/** Retries after the first try, for errors worth retrying. */
	readonly retries?: number;
	/** The first retry's delay; later ones grow (factor 2) with jitter. */
	readonly minRetryDelayMs?: number;
	/** Documents a request (the CMS allows up to 250). */
	readonly pageSize?: number;
	/** Pages requested at once, after the first (which says how many there are). */
	readonly concurrency?: number;
	/** Told about each retry, for the build log. */
	readonly onRetry?: (message: string) => void;
}

/** The CMS could not be read. The message names the host and the request, and says what to do. */
export class CmsError extends Error {
	override name = "CmsError";
	readonly status: number | undefined;

	constructor(message: string, status?: number, options?: ErrorOptions) {
		super(message, options);
		this.status = status;
	}
}

interface Page {
	data: unknown[];
	meta: { pagination: { page: number; pageCount: number; total: number } };
}

class RetryableError extends Error {}

const DEFAULTS = { timeoutMs: 10_000, retries: 4, minRetryDelayMs: 250, pageSize: 250, concurrency: 4 };

/** GET `path` (under the CMS's URL) as JSON with the token: timeout, retries and errors as described above. */
export async function getJson(options: ClientOptions, path: string): Promise<unknown> {
	const { url, token } = options;
	const host = new URL(url).host;
	const { timeoutMs, retries, minRetryDelayMs } = { ...DEFAULTS, ...options };
	let tries = 0;
	const attempt = async () => {
		tries++;
		let response: Response;
		try {
			response = await fetch(`${url.replace(/\/+$/, "")}${path}`, {
				headers: { authorization: `Bearer ${token}`, accept: "application/json" },
				signal: AbortSignal.timeout(timeoutMs),
			});
		} catch (error) {
			const cause = (error as { cause?: { code?: string; message?: string } }).cause;
			const reason =
				(error as Error).name === "TimeoutError"
					? `no answer within ${timeoutMs / 1000} s`
					: (/\bE[A-Z]{4,}\b/.exec(`${cause?.code ?? ""} ${cause?.message ?? ""}`)?.[0] ?? (error as Error).message);
			throw new RetryableError(reason, { cause: error });
		}
		if (response.status === 401 || response.status === 403) {
			throw new AbortError(
				new CmsError(
					`The CMS at ${host} refused the token (${response.status}) on GET ${path}. Set CMS_TOKEN to the "Aide site build" token (the site-token file in the local CMS's data folder), or start the local CMS once to create it.`,
					response.status,
				),
			);
		}
		if (response.status === 429 || response.status >= 500) throw new RetryableError(`HTTP ${response.status}`);
		if (!response.ok) {
			const text = await response.text();
			throw new AbortError(
				new CmsError(`The CMS at ${host} answered ${response.status} to GET ${path}: ${text.slice(0, 300)}`, response.status),
			);
		}
		try {
			return (await response.json()) as unknown;
		} catch (error) {
			throw new AbortError(
				new CmsError(`The CMS at ${host} sent something that is not JSON for GET ${path}.`, response.status, { cause: error }),
			);
		}
	};
	try {
		return await pRetry(attempt, {
			retries,
			minTimeout: minRetryDelayMs,
			factor: 2,
			randomize: true,
			shouldRetry: ({ error }) => error instanceof RetryableError,
			onFailedAttempt: ({ error, retriesLeft }) => {
				if (error instanceof RetryableError && retriesLeft > 0)
					options.onRetry?.(`GET ${path} on ${host} failed (${error.message}); retrying.`);
			},
		});
	} catch (error) {
		if (error instanceof CmsError) throw error;
		if (error instanceof RetryableError) {
			throw new CmsError(
				`Cannot read the CMS at ${host}: GET ${path} failed ${tries} time${tries === 1 ? "" : "s"} (last: ${error.message}). Check that the CMS runs and that CMS_URL points at it.`,
				undefined,
				{ cause: error },
			);
		}
		throw error;
	}
}

function isPage(value: unknown): value is Page {
	const page = value as Page;
	return (
		Array.isArray(page?.data) && typeof page?.meta?.pagination?.total === "number" && typeof page.meta.pagination.pageCount === "number"
	);
}

/**
 * Every published document of a collection in one locale: the first page says how many pages there
 * are, the others are read a few at a time. Fails when a page is not what the REST API sends, or
 * when the documents received do not add up to the announced total. `onPage` sees each page's
 * documents as they arrive (unvalidated), so work on them can overlap the reading of the next pages.
 */
export async function fetchAll(
	options: ClientOptions,
	plural: string,
	locale: string,
	query: Record<string, string> = {},
	onPage?: (documents: readonly unknown[]) => void,
): Promise<unknown[]> {
	const pageSize = options.pageSize ?? DEFAULTS.pageSize;
	const concurrency = Math.max(1, options.concurrency ?? DEFAULTS.concurrency);
	const host = new URL(options.url).host;
	const readPage = async (page: number): Promise<Page> => {
		const params = new URLSearchParams({ ...query, locale, "pagination[page]": String(page), "pagination[pageSize]": String(pageSize) });
		const path = `/api/${plural}?${params}`;
		const body = await getJson(options, path);
		if (!isPage(body)) throw new CmsError(`The CMS at ${host} answered GET ${path} with something that is not a page of ${plural}.`);
		onPage?.(body.data);
		return body;
	};
	const first = await readPage(1);
	const total = first.meta.pagination.total;
	const pages: Page[] = [first];
	const rest = Array.from({ length: Math.max(0, first.meta.pagination.pageCount - 1) }, (_, index) => index + 2);
	for (let start = 0; start < rest.length; start += concurrency) {
		pages.push(...(await Promise.all(rest.slice(start, start + concurrency).map(readPage))));
	}
	const documents = pages.flatMap((page) => page.data);
	if (documents.length !== total) {
		throw new CmsError(
			`The CMS at ${host} announced ${total} ${plural} (${locale}) but sent ${documents.length}: the content changed during the build, or paging is broken. Build again.`,
		);
	}
	return documents;
}

/**
 * The published document of a single type (`/api/<singularName>`) in one locale, unvalidated; null
 * when it has none in that locale (the CMS answers 404 until one is published).
 */
export async function fetchOne(options: ClientOptions, path: string, locale: string, query: Record<string, string> = {}): Promise<unknown> {
	const params = new URLSearchParams({ ...query, locale });
	const request = `/api/${path}?${params}`;
	try {
		const body = await getJson(options, request);
		const data = (body as { data?: unknown } | null)?.data;
		if (data === undefined) throw new CmsError(`The CMS at ${new URL(options.url).host} answered GET ${request} without a "data" field.`);
		return data;
	} catch (error) {
		if (error instanceof CmsError && error.status === 404) return null;
		throw error;
	}
}
