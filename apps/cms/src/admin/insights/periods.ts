/** The periods the insights page offers, in days; the report route takes any of them. */
export const PERIODS = [7, 30, 90, 365] as const;
/** The period shown first, and the widget's. */
export const DEFAULT_PERIOD = 30;
