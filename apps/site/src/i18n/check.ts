// The strings check: every locale's file has every key of the default locale's, and no other. Plural
// keys are compared by their base ("category.count"): each language has its own plural forms (Arabic
// six, German two), and i18next falls back to the `_other` form, which every file must therefore have.

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** A key without its plural suffix: "category.count_one" -> "category.count". */
export const baseKey = (key: string) => key.replace(pluralSuffix, "");

/** What each UI-strings file lacks or has too many, as sentences naming the file and the key; empty when all is well. */
export function checkStrings(strings: Readonly<Record<string, Readonly<Record<string, string>>>>, referenceLocale: string): string[] {
	const reference = strings[referenceLocale] ?? {};
	const referenceFile = `apps/site/src/i18n/${referenceLocale}.json`;
	const plural = new Set(
		Object.keys(reference)
			.filter((key) => pluralSuffix.test(key))
			.map(baseKey),
	);
	const expected = new Set(Object.keys(reference).map((key) => (plural.has(baseKey(key)) ? `${baseKey(key)}_other` : key)));
	const problems: string[] = [];
	for (const [code, own] of Object.entries(strings)) {
		if (code === referenceLocale) continue;
		const file = `apps/site/src/i18n/${code}.json`;
		for (const key of expected) {
			if (!(key in own)) problems.push(`${file} lacks the key "${key}" that ${referenceFile} has: add it, translated.`);
		}
		for (const key of Object.keys(own)) {
			const known = plural.has(baseKey(key)) || key in reference;
			if (!known)
				problems.push(`${file} has the key "${key}" that ${referenceFile} does not: remove it, or add it to ${referenceFile} too.`);
		}
	}
	return problems;
}
