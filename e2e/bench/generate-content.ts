// Generates a snapshot of N help-center entries per locale (French and English, with categories,
// keywords and some entries left untranslated), in the format `npm run snapshot` writes.
import type { SiteContent } from "@aide/cms-client";

const WORDS = {
	fr: "compte mot de passe facture paiement abonnement serveur sauvegarde données synchronisation application mobile courriel contact agenda fichiers partage sécurité chiffrement connexion navigateur export import stockage quota notification profil langue confidentialité".split(
		" ",
	),
	en: "account password invoice payment subscription server backup data sync application mobile email contact calendar files sharing security encryption sign-in browser export import storage quota notification profile language privacy".split(
		" ",
	),
};
const SENTENCES = {
	fr: [
		"Ouvrez les paramètres de votre {0} puis choisissez {1}.",
		"Si le problème de {0} persiste, vérifiez votre {1} et réessayez.",
		"Le {0} est disponible pour tous les comptes, avec ou sans {1}.",
		"Nous conservons votre {0} pendant trente jours après la suppression du {1}.",
	],
	en: [
		"Open the settings of your {0}, then choose {1}.",
		"If the {0} problem persists, check your {1} and try again.",
		"The {0} is available to every account, with or without {1}.",
		"We keep your {0} for thirty days after the {1} is deleted.",
	],
};

/** A deterministic pseudo-random generator, so that two runs measure the same site. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

export function generateContent(perLocale: number, categoryCount = 20): SiteContent {
	const next = random(42);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
	const now = "2026-11-27T00:00:00.000Z";
	const locales: SiteContent["locales"] = {};
	for (const locale of ["fr", "en"] as const) {
		const words = WORDS[locale];
		const categories = Array.from({ length: categoryCount }, (_, index) => ({
			documentId: `cat${index}`,
			locale,
			updatedAt: now,
			name: `${locale === "fr" ? "Catégorie" : "Category"} ${index + 1} ${words[index % words.length]}`,
			slug: `${locale === "fr" ? "categorie" : "category"}-${index + 1}`,
			description: null,
			order: index,
		}));
		const entries = [];
		for (let index = 0; index < perLocale; index++) {
			// One entry in twenty exists in French only.
			if (locale === "en" && index % 20 === 19) continue;
			const [a, b, c] = [pick(words), pick(words), pick(words)];
			const sentences = Array.from({ length: 4 }, () => pick(SENTENCES[locale]).replace("{0}", pick(words)).replace("{1}", pick(words)));
			entries.push({
				documentId: `doc${index}`,
				locale,
				updatedAt: now,
				publishedAt: now,
				question: locale === "fr" ? `Comment gérer ${a} et ${b} (${index}) ?` : `How do I manage ${a} and ${b} (${index})?`,
				slug: `${locale === "fr" ? "question" : "question-en"}-${index}`,
				answer: `${sentences.slice(0, 2).join(" ")}\n\n- ${sentences[2]}\n- ${sentences[3]}\n\nVoir aussi : **${c}**.`,
				summary: null,
				keywords: `${c}${index}, ${b}s`,
				anchor: `q${index}`,
				order: index,
				category: { documentId: `cat${index % categoryCount}` },
				related: [],
			});
		}
		locales[locale] = { entries, categories };
	}
	return { fetchedAt: now, locales } as SiteContent;
}
