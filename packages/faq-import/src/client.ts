import { cmsUrl, tokenFromEnv } from "@aide/cms-client";
import {
	AIDE_ROUTES,
	type ExportResponse,
	type ImportRequest,
	type ImportResponse,
	INSIGHT_ROUTES,
	type InsightReport,
} from "@aide/cms-contract";
import { ImportError, PageRejectedError } from "./errors.ts";

/** Which CMS to talk to, with an admin token that may write entries and categories. */
export interface CmsTarget {
	readonly url: string;
	readonly token: string;
}

/**
 * The target from the environment: `CMS_URL` (default: the local CMS) and `CMS_WRITE_TOKEN` (default:
 * the "Aide import" token the local CMS keeps in its data folder, `AIDE_DATA_DIR` or apps/cms/.data).
 */
export function targetFromEnv(env: Record<string, string | undefined> = process.env): CmsTarget {
	try {
		return { url: cmsUrl(env), token: tokenFromEnv("CMS_WRITE_TOKEN", "import", env) };
	} catch (error) {
		throw new ImportError((error as Error).message, { cause: error });
	}
}

/** What the import's routes need the token's owner to be allowed to do, said in the 403 message. */
const WRITE_RIGHTS = "create, update and publish FAQ entries and categories";

async function call<T>(target: CmsTarget, method: "GET" | "POST", path: string, body?: unknown, rights = WRITE_RIGHTS): Promise<T> {
	let response: Response;
	try {
		response = await fetch(`${target.url}${path}`, {
			method,
			headers: { authorization: `Bearer ${target.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(120_000),
		});
	} catch (error) {
		const cause = (error as { cause?: { code?: string; message?: string } }).cause;
		// undici reports the refusal as a code, or only inside a message ("connect ECONNREFUSED ..."), depending on the path taken.
		const text = `${cause?.code ?? ""} ${cause?.message ?? ""}`;
		const reason = /\bE[A-Z]{4,}\b/.exec(text)?.[0] ?? (cause?.message || (error as Error).message);
		throw new ImportError(
			`Cannot reach the CMS at ${target.url} (${reason}). Start it with \`npm run cms\`, or set CMS_URL to where it runs.`,
			{
				cause: error,
			},
		);
	}
	const text = await response.text();
	if (response.status === 401) {
		throw new ImportError(
			`The CMS at ${target.url} refused the token (401 Unauthorized): it is not an admin API token. Use the local "Aide import" token, or set CMS_WRITE_TOKEN to an admin API token with write rights.`,
		);
	}
	if (response.status === 403) {
		throw new ImportError(
			`The CMS at ${target.url} refused the token (403 Forbidden): it may not ${rights}. Give its owner those permissions, or use another token.`,
		);
	}
	if (!response.ok) {
		let message = text.slice(0, 500);
		try {
			message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
		} catch {
			// not JSON: keep the text
		}
		if (response.status === 400 || response.status === 422) throw new PageRejectedError(message);
		throw new ImportError(`The CMS at ${target.url} answered ${response.status} to ${method} ${path}: ${message}`);
	}
	return JSON.parse(text) as T;
}

/** Sends one page group; the CMS applies it in one transaction (or, in a dry run, only reports). */
export function sendImport(target: CmsTarget, request: ImportRequest): Promise<ImportResponse> {
	return call<ImportResponse>(target, "POST", `${AIDE_ROUTES.prefix}${AIDE_ROUTES.import}`, request);
}

/** Everything the import writes, as the CMS holds it now. */
export function fetchExport(target: CmsTarget): Promise<ExportResponse> {
	return call<ExportResponse>(target, "GET", `${AIDE_ROUTES.prefix}${AIDE_ROUTES.export}`);
}

/** The insights report (`GET /aide/insights`) for a locale (default: the CMS's default locale) and the last `days` days (default 30). */
export function fetchInsights(target: CmsTarget, { locale, days }: { locale?: string; days?: number } = {}): Promise<InsightReport> {
	const query = new URLSearchParams();
	if (locale !== undefined) query.set("locale", locale);
	if (days !== undefined) query.set("days", String(days));
	const search = query.size > 0 ? `?${query}` : "";
	return call<InsightReport>(target, "GET", `${AIDE_ROUTES.prefix}${INSIGHT_ROUTES.report}${search}`, undefined, "read FAQ entries");
}
