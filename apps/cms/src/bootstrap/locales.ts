import { defaultLocale, locales } from "@aide/locales";
import type { Core } from "@strapi/strapi";

interface LocaleService {
	find(params?: object): Promise<Array<{ code: string }>>;
	create(locale: { code: string; name: string }): Promise<unknown>;
	getDefaultLocale(): Promise<string>;
	setDefaultLocale(locale: { code: string }): Promise<unknown>;
}

/** Makes the CMS's locales those of packages/locales, with the same default. Never deletes a locale. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
	const service = strapi.plugin("i18n").service("locales") as LocaleService;
	const existing = new Set((await service.find()).map((locale) => locale.code));
	for (const locale of locales) {
		if (!existing.has(locale.code)) {
			await service.create({ code: locale.code, name: `${locale.englishName} (${locale.code})` });
			strapi.log.info(`Added the locale ${locale.code}.`);
		}
	}
	if ((await service.getDefaultLocale()) !== defaultLocale) await service.setDefaultLocale({ code: defaultLocale });

	const declared = new Set(locales.map((locale) => locale.code));
	const extra = [...existing].filter((code) => !declared.has(code));
	if (extra.length > 0) {
		strapi.log.warn(
			`The CMS has locales that packages/locales/locales.json does not declare: ${extra.join(", ")}. The site ignores them; delete them in Settings > Internationalization or declare them.`,
		);
	}
}
