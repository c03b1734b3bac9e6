import { INSIGHT_REPORT_DAYS } from "@aide/cms-contract";

/** The periods the insights page offers, in days; the report route takes any of them. */
export const PERIODS = [7, 30, 90, 365] as const;
/** The period shown first, and the widget's: the report route's default. */
export const DEFAULT_PERIOD = INSIGHT_REPORT_DAYS.default;
