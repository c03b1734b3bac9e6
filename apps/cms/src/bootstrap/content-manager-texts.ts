// What the content manager says about each field of Aide's content types: its label in French and in
// English, and a help text and an example (placeholder) for the French support staff who write the FAQ.
// Read by the start-up (content-manager-views.ts writes them into the content manager's configuration)
// and by the admin panel (src/admin/field-labels.ts turns the labels into the admin's translations).
// Keep this file free of Strapi imports: the admin panel bundles it.
//
// Strapi translates a field's label (admin key `content-manager.content-types.<uid>.<field>`, or
// `content-manager.components.<component>.<field>` inside a repeatable component), and a content
// type's name (its displayName is the key), but not a field's help text or placeholder: those are one
// string each, so they are written in French, the language of the people who edit the help center.
// test/content-manager-views.test.ts checks that every field of content-models/ has its label here.

/** A label in each language of the admin panel. */
export interface Label {
	readonly fr: string;
	readonly en: string;
}

/** What the edit form and the list show for one field. */
export interface FieldText {
	readonly label: Label;
	/** Shown under the input: what the field is for and what happens to it. French (see above). */
	readonly hint?: string;
	/** Shown in the empty input: an example ("Ex. : …"), or the expected form. French. */
	readonly placeholder?: string;
}

/** The texts of one content type: its name in the admin's menu and list, and its fields'. */
export interface TypeTexts {
	/** In English the admin shows the model's displayName (content-models/ are written in English). */
	readonly name: { readonly fr: string };
	/** By attribute name; `updatedAt` and the like may be named too, for the list's column header. */
	readonly fields: Readonly<Record<string, FieldText>>;
}

const lastUpdate: FieldText = { label: { fr: "Dernière modification", en: "Last update" } };
const order = (what: string): FieldText => ({
	label: { fr: "Ordre", en: "Order" },
	hint: `Rang ${what} : les plus petits nombres viennent en premier.`,
	placeholder: "1",
});

/** The texts of every content type the content manager shows, by uid. */
export const CONTENT_MANAGER_TEXTS: Readonly<Record<string, TypeTexts>> = {
	"api::faq-entry.faq-entry": {
		name: { fr: "Questions-réponses" },
		fields: {
			question: {
				label: { fr: "Question", en: "Question" },
				hint: "La question telle qu’un lecteur la poserait. C’est le titre de la réponse sur le site et dans la recherche.",
				placeholder: "Ex. : Comment changer mon mot de passe ?",
			},
			answer: {
				label: { fr: "Réponse", en: "Answer" },
				hint: "La réponse, en Markdown : paragraphes, listes, liens, images de la médiathèque.",
			},
			summary: {
				label: { fr: "Résumé", en: "Summary" },
				hint: "Une ou deux phrases qui résument la réponse : la description de la page pour les moteurs de recherche et les aperçus de lien. Vide : le début de la réponse.",
				placeholder: "Ex. : Depuis Paramètres > Compte, en deux minutes.",
			},
			category: {
				label: { fr: "Catégorie", en: "Category" },
				hint: "La rubrique du site où la réponse apparaît, et le filtre de la recherche.",
			},
			keywords: {
				label: { fr: "Mots-clés", en: "Keywords" },
				hint: "Autres mots par lesquels la recherche du site trouve cette réponse (synonymes, termes des lecteurs, fautes courantes). Jamais affichés.",
				placeholder: "Ex. : identifiant, code d’accès, mdp",
			},
			related: {
				label: { fr: "Réponses liées", en: "Related answers" },
				hint: "Proposées sous la réponse, dans la langue du lecteur.",
			},
			slug: {
				label: { fr: "Adresse (slug)", en: "URL slug" },
				hint: "La fin de l’adresse de la page dans cette langue : /fr/faq/<slug>/ en français, /en/faq/<slug>/ en anglais. Minuscules, chiffres et tirets ; la changer change l’adresse.",
				placeholder: "changer-mon-mot-de-passe",
			},
			anchor: {
				label: { fr: "Ancre (lien permanent)", en: "Anchor (permanent link)" },
				hint: "L’identifiant du lien, le même dans toutes les langues : /q/<ancre>/ et les anciens liens #<ancre> mènent à cette réponse. Ne le changez plus une fois publié.",
				placeholder: "mot-de-passe",
			},
			order: order("de la réponse dans sa catégorie"),
			updatedAt: lastUpdate,
		},
	},
	"api::category.category": {
		name: { fr: "Catégories" },
		fields: {
			name: {
				label: { fr: "Nom", en: "Name" },
				hint: "Le titre de la catégorie sur le site, dans cette langue.",
				placeholder: "Ex. : Compte et connexion",
			},
			description: {
				label: { fr: "Description", en: "Description" },
				hint: "Une phrase sous le titre, sur l’accueil et la page de la catégorie.",
			},
			slug: {
				label: { fr: "Adresse (slug)", en: "URL slug" },
				hint: "La fin de l’adresse de la page de la catégorie dans cette langue : /fr/category/<slug>/ en français, /en/category/<slug>/ en anglais.",
				placeholder: "compte",
			},
			order: order("de la catégorie sur l’accueil"),
			entries: {
				label: { fr: "Réponses", en: "Answers" },
				hint: "Les réponses de la catégorie. Leur ordre se règle dans chaque réponse (champ Ordre).",
			},
			updatedAt: lastUpdate,
		},
	},
	"api::site-setting.site-setting": {
		name: { fr: "Réglages du site" },
		fields: {
			name: {
				label: { fr: "Nom du centre d’aide", en: "Help center name" },
				hint: "Affiché en haut de chaque page. Vide : le nom par défaut du site.",
				placeholder: "Ex. : Centre d’aide",
			},
			tagline: {
				label: { fr: "Accroche", en: "Tagline" },
				hint: "Une courte phrase affichée à côté du nom, en haut et en pied de page.",
				placeholder: "Ex. : Toutes les réponses à vos questions",
			},
			logo: {
				label: { fr: "Logo", en: "Logo" },
				hint: "Une image, commune à toutes les langues.",
			},
			accentColor: {
				label: { fr: "Couleur principale", en: "Accent colour" },
				hint: "Une couleur hexadécimale (#1d4ed8), commune à toutes les langues.",
				placeholder: "#1d4ed8",
			},
			contactLabel: {
				label: { fr: "Texte du lien de contact", en: "Contact link text" },
				placeholder: "Ex. : Contacter le support",
			},
			contactUrl: {
				label: { fr: "Adresse du lien de contact", en: "Contact link address" },
				hint: "Une adresse https:// ou mailto:, commune à toutes les langues.",
				placeholder: "mailto:support@exemple.fr",
			},
			footerLinks: {
				label: { fr: "Liens du pied de page", en: "Footer links" },
				hint: "Douze au plus, dans l’ordre affiché.",
			},
			updatedAt: lastUpdate,
		},
	},
};

/** The texts of the components' fields (`<category>.<name>`), shown inside the forms that hold them. */
export const COMPONENT_TEXTS: Readonly<Record<string, Pick<TypeTexts, "fields">>> = {
	"site.footer-link": {
		fields: {
			label: {
				label: { fr: "Texte du lien", en: "Link text" },
				placeholder: "Ex. : À propos",
			},
			url: {
				label: { fr: "Adresse du lien", en: "Link address" },
				hint: "https://…, mailto:… ou une page du site commençant par / (/fr/a-propos/).",
				placeholder: "Ex. : /fr/a-propos/",
			},
		},
	},
};
