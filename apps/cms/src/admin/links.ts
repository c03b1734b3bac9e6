// Where Aide's admin screens send editors in the content manager. Paths are relative to the admin's
// router (Strapi mounts it under /admin).
import { ENTRY_UID } from "@aide/cms-contract";

const ENTRIES = `/content-manager/collection-types/${ENTRY_UID}`;

/** The query parameter the create form reads its question from (prefill/QuestionPrefill.tsx). */
export const QUESTION_PARAM = "aideQuestion";

const localeQuery = (locale: string) => `plugins[i18n][locale]=${encodeURIComponent(locale)}`;

/** The list of FAQ entries; without a locale the content manager shows the default locale's. */
export const entriesPath = (locale?: string) => (locale ? `${ENTRIES}?${localeQuery(locale)}` : ENTRIES);

/** The create form of a FAQ entry in `locale`, its question filled in with `question`. */
export const createEntryPath = (locale: string, question: string) =>
	`${ENTRIES}/create?${localeQuery(locale)}&${QUESTION_PARAM}=${encodeURIComponent(question)}`;

/** The edit form of the FAQ entry `documentId` in `locale`. */
export const editEntryPath = (documentId: string, locale: string) => `${ENTRIES}/${encodeURIComponent(documentId)}?${localeQuery(locale)}`;

/** The insights page (menu link and widget link). */
export const INSIGHTS_PATH = "aide-insights";
