// The admin texts of Aide's own screens (the insights page and widget, the question prefill), in the
// admin's two languages. Strapi merges them over its own strings for the language each user picks in
// their profile (config.translations in app.tsx). English is the reference: every key has a French text.

const en = {
	"aide.insights.menu": "Reader insights",
	"aide.insights.title": "Reader insights",
	"aide.insights.subtitle": "What readers searched for and did not find, which answers did not help, and what is left to translate.",
	"aide.insights.period": "Period",
	"aide.insights.period.days": "Last {days} days",
	"aide.insights.locale": "Language",
	"aide.insights.loading": "Loading the reader insights…",
	"aide.insights.error": "The insights could not be read: {message}",
	"aide.insights.failed.heading": "Searches with no result",
	"aide.insights.failed.query": "Query",
	"aide.insights.failed.count": "Searches with no result",
	"aide.insights.failed.actions": "Actions",
	"aide.insights.failed.empty":
		"No search came back empty in this language over this period. Queries readers type in the site's search box that find nothing appear here, most frequent first, the day after they are typed at the latest.",
	"aide.insights.create": "Create an answer",
	"aide.insights.keyword": "Add as keyword to…",
	"aide.insights.keyword.title": "Add “{query}” as a keyword",
	"aide.insights.keyword.search": "Find the answer by its question",
	"aide.insights.keyword.hint": "The keyword is added to the answer's draft in this language: publish the answer for search to find it.",
	"aide.insights.keyword.none": "No answer in this language has a question containing “{text}”.",
	"aide.insights.keyword.pick": "Add to “{question}”",
	"aide.insights.keyword.added": "“{keyword}” was added to the draft of “{question}”. Publish the answer for search to find it.",
	"aide.insights.keyword.already": "“{question}” already has the keyword “{keyword}”.",
	"aide.insights.keyword.failed": "The keyword was not added: {message}",
	"aide.insights.keyword.open": "Open the answer",
	"aide.insights.close": "Close",
	"aide.insights.feedback.heading": "Answers that did not help",
	"aide.insights.feedback.question": "Answer",
	"aide.insights.feedback.votes": "Votes",
	"aide.insights.feedback.votes.value": "{helpful} yes · {notHelpful} no",
	"aide.insights.feedback.share": "Share of “no”",
	"aide.insights.feedback.reasons": "Reasons",
	"aide.insights.feedback.comments": "Comments",
	"aide.insights.feedback.empty":
		"No reader voted on an answer in this language over this period. Votes from the “Did this answer help you?” box under each answer appear here, answers with the most “no” first.",
	"aide.insights.reason.unclear": "unclear",
	"aide.insights.reason.incomplete": "incomplete",
	"aide.insights.reason.not-my-question": "not my question",
	"aide.insights.reason.outdated": "out of date",
	"aide.insights.translations.heading": "Translation worklist",
	"aide.insights.translations.locale": "Language",
	"aide.insights.translations.state": "State",
	"aide.insights.translations.question": "Answer",
	"aide.insights.translations.missing": "missing",
	"aide.insights.translations.outdated": "outdated",
	"aide.insights.translations.edit": "Edit in {locale}",
	"aide.insights.translations.empty":
		"Nothing to translate: every answer has an up-to-date translation. Answers with no translation, and translations older than their source's last published change, appear here.",
	"aide.insights.widget.title": "Reader insights",
	"aide.insights.widget.link": "Open reader insights",
	"aide.insights.widget.failed": "Top searches with no result",
	"aide.insights.widget.feedback": "Least helpful answers",
	"aide.insights.widget.translations": "{count, plural, =0 {No translation to do} one {# translation to do} other {# translations to do}}",
	"aide.insights.widget.period": "Last {days} days, {locale}",
	"aide.insights.widget.none": "Nothing yet.",
	"aide.prefill.notice": "The question was filled in from a reader's search: “{question}”.",
} as const;

export type MessageId = keyof typeof en;

const fr: Record<MessageId, string> = {
	"aide.insights.menu": "Retours des lecteurs",
	"aide.insights.title": "Retours des lecteurs",
	"aide.insights.subtitle":
		"Ce que les lecteurs ont cherché sans le trouver, les réponses qui ne les ont pas aidés et ce qu'il reste à traduire.",
	"aide.insights.period": "Période",
	"aide.insights.period.days": "{days} derniers jours",
	"aide.insights.locale": "Langue",
	"aide.insights.loading": "Chargement des retours des lecteurs…",
	"aide.insights.error": "Les retours n'ont pas pu être lus : {message}",
	"aide.insights.failed.heading": "Recherches sans résultat",
	"aide.insights.failed.query": "Recherche",
	"aide.insights.failed.count": "Recherches sans résultat",
	"aide.insights.failed.actions": "Actions",
	"aide.insights.failed.empty":
		"Aucune recherche n'est restée sans résultat dans cette langue sur cette période. Les recherches tapées dans le champ de recherche du site qui ne trouvent rien s'affichent ici, les plus fréquentes d'abord, au plus tard le lendemain.",
	"aide.insights.create": "Créer une réponse",
	"aide.insights.keyword": "Ajouter comme mot-clé à…",
	"aide.insights.keyword.title": "Ajouter « {query} » comme mot-clé",
	"aide.insights.keyword.search": "Trouver la réponse par sa question",
	"aide.insights.keyword.hint":
		"Le mot-clé est ajouté au brouillon de la réponse dans cette langue : publiez la réponse pour que la recherche le trouve.",
	"aide.insights.keyword.none": "Aucune réponse dans cette langue n'a de question contenant « {text} ».",
	"aide.insights.keyword.pick": "Ajouter à « {question} »",
	"aide.insights.keyword.added":
		"« {keyword} » a été ajouté au brouillon de « {question} ». Publiez la réponse pour que la recherche le trouve.",
	"aide.insights.keyword.already": "« {question} » a déjà le mot-clé « {keyword} ».",
	"aide.insights.keyword.failed": "Le mot-clé n'a pas été ajouté : {message}",
	"aide.insights.keyword.open": "Ouvrir la réponse",
	"aide.insights.close": "Fermer",
	"aide.insights.feedback.heading": "Réponses qui n'ont pas aidé",
	"aide.insights.feedback.question": "Réponse",
	"aide.insights.feedback.votes": "Votes",
	"aide.insights.feedback.votes.value": "{helpful} oui · {notHelpful} non",
	"aide.insights.feedback.share": "Part de « non »",
	"aide.insights.feedback.reasons": "Raisons",
	"aide.insights.feedback.comments": "Commentaires",
	"aide.insights.feedback.empty":
		"Aucun lecteur n'a voté sur une réponse dans cette langue sur cette période. Les votes du bloc « Cette réponse vous a-t-elle aidé ? » sous chaque réponse s'affichent ici, les réponses avec le plus de « non » d'abord.",
	"aide.insights.reason.unclear": "pas claire",
	"aide.insights.reason.incomplete": "incomplète",
	"aide.insights.reason.not-my-question": "pas ma question",
	"aide.insights.reason.outdated": "plus à jour",
	"aide.insights.translations.heading": "Traductions à faire",
	"aide.insights.translations.locale": "Langue",
	"aide.insights.translations.state": "État",
	"aide.insights.translations.question": "Réponse",
	"aide.insights.translations.missing": "manquante",
	"aide.insights.translations.outdated": "à mettre à jour",
	"aide.insights.translations.edit": "Modifier en {locale}",
	"aide.insights.translations.empty":
		"Rien à traduire : chaque réponse a une traduction à jour. Les réponses sans traduction, et les traductions plus anciennes que la dernière modification publiée de leur source, s'affichent ici.",
	"aide.insights.widget.title": "Retours des lecteurs",
	"aide.insights.widget.link": "Voir les retours des lecteurs",
	"aide.insights.widget.failed": "Recherches sans résultat les plus fréquentes",
	"aide.insights.widget.feedback": "Réponses les moins utiles",
	"aide.insights.widget.translations":
		"{count, plural, =0 {Aucune traduction à faire} one {# traduction à faire} other {# traductions à faire}}",
	"aide.insights.widget.period": "{days} derniers jours, {locale}",
	"aide.insights.widget.none": "Rien pour l'instant.",
	"aide.prefill.notice": "La question a été reprise d'une recherche de lecteur : « {question} ».",
};

/** The admin languages besides English, which Strapi always offers. */
export const ADMIN_LOCALES = ["fr"];

/** Aide's admin texts per admin language, for `config.translations`. */
export const translations: Record<"en" | "fr", Record<MessageId, string>> = { en, fr };
