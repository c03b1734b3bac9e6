// The admin panel's own words for Aide's content types, in French and in English: each content type's
// name in French (the admin translates a type's displayName, used as the message key, in its menu and
// list titles; English keeps the displayName itself) and each field's label (key `content-manager.content-types.<uid>.<field>`, in the edit form
// and the list's column headers). The words themselves are in src/bootstrap/content-manager-texts.ts,
// which the start-up also writes into the content manager's configuration.
import category from "../api/category/content-types/category/schema.json";
import faqEntry from "../api/faq-entry/content-types/faq-entry/schema.json";
import siteSetting from "../api/site-setting/content-types/site-setting/schema.json";
import { COMPONENT_TEXTS, CONTENT_MANAGER_TEXTS, type Label } from "../bootstrap/content-manager-texts";

/** Each content type's displayName (the key the admin translates its name by), from its generated schema. */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
	"api::category.category": category.info.displayName,
	"api::faq-entry.faq-entry": faqEntry.info.displayName,
	"api::site-setting.site-setting": siteSetting.info.displayName,
};

function messages(language: keyof Label): Record<string, string> {
	const found: Record<string, string> = {};
	for (const [uid, texts] of Object.entries(CONTENT_MANAGER_TEXTS)) {
		const displayName = DISPLAY_NAMES[uid];
		if (displayName !== undefined && language === "fr") found[displayName] = texts.name.fr;
		for (const [field, text] of Object.entries(texts.fields)) {
			found[`content-manager.content-types.${uid}.${field}`] = text.label[language];
		}
	}
	for (const [uid, texts] of Object.entries(COMPONENT_TEXTS)) {
		for (const [field, text] of Object.entries(texts.fields)) {
			found[`content-manager.components.${uid}.${field}`] = text.label[language];
		}
	}
	return found;
}

/** The admin translations to merge into `config.translations` of src/admin/app.tsx. */
export const FIELD_LABELS: { fr: Record<string, string>; en: Record<string, string> } = { fr: messages("fr"), en: messages("en") };
