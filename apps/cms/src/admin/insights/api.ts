// What the insights screens read and write, through Strapi's admin fetch client (it sends the user's
// session): the report and the keyword routes (INSIGHT_ROUTES under AIDE_ROUTES.prefix), the i18n
// plugin's locales and the content manager's search of FAQ entries.
import {
	AIDE_ROUTES,
	ENTRY_UID,
	INSIGHT_ROUTES,
	type InsightErrorResponse,
	type InsightReport,
	type KeywordRequest,
	type KeywordResponse,
} from "@aide/cms-contract";
import { useFetchClient } from "@strapi/strapi/admin";
import { useEffect, useRef, useState } from "react";

export interface AdminLocale {
	code: string;
	name: string;
	isDefault: boolean;
}

export type Loaded<T> = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; data: T };

/** The message of a failed admin request: the route's own error message when it sent one. */
export function errorMessage(error: unknown): string {
	const body = (error as { response?: { data?: Partial<InsightErrorResponse> } } | null)?.response?.data;
	if (body?.error?.message) return body.error.message;
	return error instanceof Error ? error.message : String(error);
}

/**
 * The result of `load`, run again whenever `key` (what the request depends on, e.g. its parameters)
 * changes; no request while `load` is undefined.
 */
function useLoaded<T>(key: string, load: (() => Promise<T>) | undefined): Loaded<T> {
	const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
	const latest = useRef(load);
	latest.current = load;
	// biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what the request depends on; `load` is read from a ref.
	useEffect(() => {
		const run = latest.current;
		if (!run) return;
		let current = true;
		setLoaded({ state: "loading" });
		run().then(
			(data) => current && setLoaded({ state: "ready", data }),
			(error: unknown) => current && setLoaded({ state: "error", message: errorMessage(error) }),
		);
		return () => {
			current = false;
		};
	}, [key]);
	return loaded;
}

/** The CMS's locales, from the i18n plugin's admin API. */
export function useLocales(): Loaded<AdminLocale[]> {
	const { get } = useFetchClient();
	return useLoaded("locales", async () => (await get<AdminLocale[]>("/i18n/locales")).data);
}

/** The insights report for a locale and a period, once the locale is known. */
export function useReport(locale: string | undefined, days: number): Loaded<InsightReport> {
	const { get } = useFetchClient();
	const load = locale
		? async () => (await get<InsightReport>(`${AIDE_ROUTES.prefix}${INSIGHT_ROUTES.report}`, { params: { locale, days } })).data
		: undefined;
	return useLoaded(`${locale}/${days}`, load);
}

export interface AnswerChoice {
	documentId: string;
	question: string;
}

/** FAQ entries of `locale` whose question contains `text`, as the content manager's list search finds them. */
export function useAnswerSearch(locale: string, text: string): Loaded<AnswerChoice[]> {
	const { get } = useFetchClient();
	const load =
		text.trim() === ""
			? undefined
			: async () => {
					const { data } = await get<{ results: AnswerChoice[] }>(`/content-manager/collection-types/${ENTRY_UID}`, {
						params: { page: 1, pageSize: 8, locale, _q: text.trim(), sort: "question:ASC" },
					});
					return data.results.map(({ documentId, question }) => ({ documentId, question }));
				};
	return useLoaded(`${locale}/${text}`, load);
}

/** Adds a keyword to an answer's draft in one locale. */
export function useAddKeyword(): (request: KeywordRequest) => Promise<KeywordResponse> {
	const { post } = useFetchClient();
	return async (request) => (await post<KeywordResponse>(`${AIDE_ROUTES.prefix}${INSIGHT_ROUTES.keyword}`, request)).data;
}
