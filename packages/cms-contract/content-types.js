// Strapi's names for the content types of content-models/: `api::<singularName>.<singularName>`
// (as packages/content-schema names them) and the REST path: `/api/<pluralName>` for a collection,
// `/api/<singularName>` for a single type (the site settings).
// Written out rather than read from content-models/ at load time, since the compiled CMS and the
// tools do not all run next to that folder; test/content-types.test.ts checks them against it.

export const ENTRY_UID = "api::faq-entry.faq-entry";
export const CATEGORY_UID = "api::category.category";
export const ENTRY_COLLECTION = "faq-entries";
export const CATEGORY_COLLECTION = "categories";
export const SETTINGS_UID = "api::site-setting.site-setting";
export const SETTINGS_PATH = "site-setting";
/** The reader insights' aggregates (issue 17): per day, language and query; per day, language and answer. */
export const INSIGHT_SEARCH_UID = "api::insight-search.insight-search";
export const INSIGHT_FEEDBACK_UID = "api::insight-feedback.insight-feedback";
