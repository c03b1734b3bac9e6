// Fills the question of a new FAQ entry from the create form's URL (?aideQuestion=…, written by the
// insights page's "Create an answer"). Strapi's create page reads no field values from its URL, so this
// component sits in the content manager's edit-view injection zone, inside the form, and sets the
// field through the form's own API: the editor sees a modified, unsaved form, as if they had typed it.
// The slug follows, by the import's own rule: Strapi's UID field does not regenerate from a question set
// this way, and would keep its placeholder "faq-entry".
import { ENTRY_UID, slugFor } from "@aide/cms-contract";
import { Typography } from "@strapi/design-system";
import { useForm } from "@strapi/strapi/admin";
import { useEffect, useRef } from "react";
import { useLocation, useParams } from "react-router-dom";
import { QUESTION_PARAM } from "../links";
import { useMessages } from "../messages";

/** The FAQ entry's question field and its slug (content-models/faq-entry.json). */
const QUESTION_FIELD = "question";
const SLUG_FIELD = "slug";

export function QuestionPrefill({ slug }: { slug?: string }) {
	const t = useMessages();
	const { search } = useLocation();
	const { id } = useParams();
	const onChange = useForm("QuestionPrefill", (form) => form.onChange);
	const current = useForm("QuestionPrefill", (form) => (form.values as Record<string, unknown>)[QUESTION_FIELD]);
	const question = new URLSearchParams(search).get(QUESTION_PARAM)?.trim();
	const creating = slug === ENTRY_UID && (id === undefined || id === "create");
	const filled = useRef(false);

	useEffect(() => {
		if (!creating || !question || filled.current) return;
		filled.current = true;
		if (current) return;
		onChange(QUESTION_FIELD, question);
		const locale = new URLSearchParams(search).get("plugins[i18n][locale]") ?? undefined;
		const slug = slugFor(question, { locale, fallback: "" });
		if (slug) onChange(SLUG_FIELD, slug);
	}, [creating, question, current, onChange, search]);

	if (!creating || !question) return null;
	return (
		<Typography variant="pi" textColor="neutral600">
			{t("aide.prefill.notice", { question })}
		</Typography>
	);
}
