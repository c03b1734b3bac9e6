// The parameters of `GET /aide/insights?locale=fr&days=30`, checked: what a script or the admin page
// asks for, turned into the period's first day.
import { INSIGHT_REPORT_DAYS } from "@aide/cms-contract";
import { defaultLocale, localeCodes } from "@aide/locales";
import { badRequest } from "./request-error";

export interface ReportQuery {
	locale: string;
	days: number;
	/** The period's first day (UTC, `YYYY-MM-DD`): the last `days` days, today included. */
	since: string;
}

const locales = () => localeCodes.join(", ");

/** One query parameter as a string; undefined when absent or empty; refused when given twice. */
function single(query: Record<string, unknown>, name: string, example: string): string | undefined {
	const value = query[name];
	if (value === undefined || value === "") return undefined;
	if (typeof value !== "string") throw badRequest(`Give ${name} once, as in ?${name}=${example}; it was given ${JSON.stringify(value)}.`);
	return value;
}

/** Reads `locale` (default: the default locale) and `days` (default {@link INSIGHT_REPORT_DAYS}.default) of a report request. */
export function parseReportQuery(query: Record<string, unknown>, today: Date = new Date()): ReportQuery {
	const locale = single(query, "locale", defaultLocale) ?? defaultLocale;
	if (!localeCodes.includes(locale)) {
		throw badRequest(
			`The locale "${locale}" is not one of this help center's locales (${locales()}). Ask for one of them, as in ?locale=${defaultLocale}.`,
		);
	}
	const rawDays = single(query, "days", String(INSIGHT_REPORT_DAYS.default));
	const days = rawDays === undefined ? INSIGHT_REPORT_DAYS.default : /^\d{1,4}$/.test(rawDays) ? Number(rawDays) : Number.NaN;
	if (!(days >= 1 && days <= INSIGHT_REPORT_DAYS.max)) {
		throw badRequest(
			`days must be a whole number of days from 1 to ${INSIGHT_REPORT_DAYS.max} (it was "${rawDays}"): ?days=${INSIGHT_REPORT_DAYS.default} reports the last ${INSIGHT_REPORT_DAYS.default} days, today included.`,
		);
	}
	const since = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1)));
	return { locale, days, since: since.toISOString().slice(0, 10) };
}
