// One typed way to read Aide's admin texts: the id must exist in translations.ts, and English is the
// fallback Strapi shows when a language lacks a text.
import { useIntl } from "react-intl";
import { type MessageId, translations } from "./translations";

type Values = Record<string, string | number>;

/** A function that turns a message id (and its values) into the text for the user's admin language. */
export function useMessages(): (id: MessageId, values?: Values) => string {
	const intl = useIntl();
	return (id, values) => intl.formatMessage({ id, defaultMessage: translations.en[id] }, values);
}

/** A message descriptor for Strapi's APIs that take one (menu links, widgets). */
export const descriptor = (id: MessageId) => ({ id, defaultMessage: translations.en[id] });
