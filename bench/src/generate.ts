// Generates a help center of N entries per locale as Hugo-style Markdown pages, the format support
// staff import (`npm run import`): one page per category and locale, French and English, questions
// with heading ids (so translations pair exactly) and keywords, answers of help-center length, and
// one entry in twenty left in French only. Deterministic: the same N gives the same pages.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Aligned French/English vocabulary: index i means the same thing in both languages. */
const SUBJECTS: ReadonlyArray<readonly [string, string]> = [
	["mot de passe", "password"],
	["adresse électronique", "email address"],
	["abonnement", "subscription"],
	["facture", "invoice"],
	["moyen de paiement", "payment method"],
	["carte bancaire", "bank card"],
	["sauvegarde", "backup"],
	["synchronisation", "sync"],
	["application mobile", "mobile app"],
	["client de bureau", "desktop client"],
	["agenda partagé", "shared calendar"],
	["carnet d'adresses", "address book"],
	["dossier partagé", "shared folder"],
	["lien de partage", "sharing link"],
	["quota de stockage", "storage quota"],
	["corbeille", "trash"],
	["historique des versions", "version history"],
	["notification", "notification"],
	["double authentification", "two-factor authentication"],
	["code de récupération", "recovery code"],
	["profil", "profile"],
	["photo de profil", "profile picture"],
	["langue de l'interface", "interface language"],
	["fuseau horaire", "time zone"],
	["export des données", "data export"],
	["import de contacts", "contact import"],
	["nom de domaine", "domain name"],
	["boîte de réception", "inbox"],
	["filtre anti-spam", "spam filter"],
	["pièce jointe", "attachment"],
	["signature", "signature"],
	["réponse automatique", "automatic reply"],
	["compte professionnel", "business account"],
	["espace d'équipe", "team space"],
	["droit d'accès", "access right"],
	["invitation", "invitation"],
	["journal d'activité", "activity log"],
	["session ouverte", "open session"],
	["appareil connecté", "connected device"],
	["clé de sécurité", "security key"],
	["chiffrement", "encryption"],
	["certificat", "certificate"],
	["remboursement", "refund"],
	["période d'essai", "trial period"],
	["offre familiale", "family plan"],
	["reçu", "receipt"],
	["TVA", "VAT"],
	["coupon de réduction", "discount coupon"],
	["album photo", "photo album"],
	["lecteur vidéo", "video player"],
	["note", "note"],
	["modèle de document", "document template"],
	["tableur", "spreadsheet"],
	["présentation", "presentation"],
	["formulaire", "form"],
	["sondage", "poll"],
	["connecteur bancaire", "bank connector"],
	["relevé de compte", "account statement"],
	["budget", "budget"],
	["rappel", "reminder"],
];
const ACTIONS: ReadonlyArray<readonly [string, string]> = [
	["modifier", "change"],
	["supprimer", "delete"],
	["retrouver", "find"],
	["partager", "share"],
	["activer", "turn on"],
	["désactiver", "turn off"],
	["exporter", "export"],
	["importer", "import"],
	["restaurer", "restore"],
	["renouveler", "renew"],
	["vérifier", "check"],
	["configurer", "set up"],
	["annuler", "cancel"],
	["transférer", "transfer"],
];
const PLACES: ReadonlyArray<readonly [string, string]> = [
	["Paramètres", "Settings"],
	["Compte", "Account"],
	["Sécurité", "Security"],
	["Facturation", "Billing"],
	["Stockage", "Storage"],
	["Partages", "Sharing"],
	["Notifications", "Notifications"],
	["Appareils", "Devices"],
];
const SENTENCES: ReadonlyArray<readonly [string, string]> = [
	[
		"Ouvrez **{place}** depuis le menu principal, puis choisissez la section consacrée à votre {subject}.",
		"Open **{place}** from the main menu, then choose the section about your {subject}.",
	],
	[
		"Vous pouvez {action} votre {subject} à tout moment, sans perdre vos autres réglages.",
		"You can {action} your {subject} at any time without losing your other settings.",
	],
	[
		"Si l'option n'apparaît pas, vérifiez que votre {other} est à jour et rechargez la page.",
		"If the option does not appear, check that your {other} is up to date and reload the page.",
	],
	[
		"Les changements sont pris en compte immédiatement sur tous vos appareils connectés.",
		"Changes apply immediately on all your connected devices.",
	],
	[
		"Pour des raisons de sécurité, nous pouvons vous demander de confirmer votre {other}.",
		"For security reasons, we may ask you to confirm your {other}.",
	],
	[
		"Un courriel de confirmation vous est envoyé dès que l'opération est terminée.",
		"A confirmation email is sent to you as soon as the operation is complete.",
	],
	[
		"Cette opération est irréversible : pensez à faire une sauvegarde de votre {other} avant de continuer.",
		"This cannot be undone: remember to back up your {other} before you continue.",
	],
	[
		"Les comptes professionnels peuvent {action} le {subject} de chaque membre de l'équipe.",
		"Business accounts can {action} the {subject} of every team member.",
	],
	[
		"En cas de doute, notre équipe support répond en moins de 24 heures ouvrées.",
		"If in doubt, our support team answers within one working day.",
	],
	[
		"La fonctionnalité est incluse dans toutes les offres, y compris la période d'essai.",
		"The feature is included in every plan, the trial period too.",
	],
];
const QUESTIONS: ReadonlyArray<readonly [string, string]> = [
	["Comment {action} mon {subject} ?", "How do I {action} my {subject}?"],
	["Puis-je {action} mon {subject} depuis l'application mobile ?", "Can I {action} my {subject} from the mobile app?"],
	["Pourquoi ne puis-je pas {action} mon {subject} ?", "Why can't I {action} my {subject}?"],
	["Que se passe-t-il si je veux {action} mon {subject} ?", "What happens when I {action} my {subject}?"],
];

/** A deterministic pseudo-random generator. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

export interface GeneratedPages {
	/** The Markdown files, French and English, to import. */
	files: string[];
	entriesPerLocale: number;
	translated: number;
	categories: number;
}

/** Writes the pages into `dir`/fr and `dir`/en. About 100 entries per category. */
export function generatePages(dir: string, perLocale: number): GeneratedPages {
	const next = random(42);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
	const categoryCount = Math.max(1, Math.ceil(perLocale / 100));
	const pages = Array.from({ length: categoryCount }, () => ({ fr: [] as string[], en: [] as string[] }));
	let translated = 0;
	for (let index = 0; index < perLocale; index++) {
		const subject = pick(SUBJECTS);
		const other = pick(SUBJECTS);
		const action = pick(ACTIONS);
		const place = pick(PLACES);
		const question = pick(QUESTIONS);
		const sentences = Array.from({ length: 5 + Math.floor(next() * 5) }, () => pick(SENTENCES));
		const steps = Array.from({ length: 3 }, () => pick(SENTENCES));
		const keywords = [pick(SUBJECTS), pick(ACTIONS)];
		const page = pages[index % categoryCount];
		for (const [side, language] of [
			[0, "fr"],
			[1, "en"],
		] as const) {
			// One entry in twenty exists in French only.
			if (language === "en" && index % 20 === 19) continue;
			const fill = (text: string) =>
				text
					.replaceAll("{subject}", subject[side])
					.replaceAll("{other}", other[side])
					.replaceAll("{action}", action[side])
					.replaceAll("{place}", place[side]);
			const title = `${fill(question[side])} (${index + 1})`.replace(/ \?( \(\d+\))$/, "$1 ?");
			const body = [
				sentences
					.slice(0, 3)
					.map((sentence) => fill(sentence[side]))
					.join(" "),
				steps.map((step, n) => `${n + 1}. ${fill(step[side])}`).join("\n"),
				sentences
					.slice(3)
					.map((sentence) => fill(sentence[side]))
					.join(" "),
			].join("\n\n");
			page?.[language].push(`## ${title} {#q${index + 1}}\n\n<!-- keywords: ${keywords.map((k) => k[side]).join(", ")} -->\n\n${body}\n`);
			if (language === "en") translated++;
		}
	}
	const files: string[] = [];
	for (const language of ["fr", "en"] as const) {
		mkdirSync(join(dir, language), { recursive: true });
		for (const [index, page] of pages.entries()) {
			const name = language === "fr" ? `Rubrique ${index + 1}` : `Section ${index + 1}`;
			const file = join(dir, language, `rubrique-${index + 1}.md`);
			writeFileSync(file, `---\ntitle: ${name}\nweight: ${index + 1}\n---\n\n${page[language].join("\n")}`);
			files.push(file);
		}
	}
	return { files, entriesPerLocale: perLocale, translated, categories: categoryCount };
}
