// The help center's settings (content-models/site-setting.json, a single type edited in the CMS):
// read per locale from the CMS or a snapshot, validated against the content model, and handed to the
// site as plain values. A locale without published settings gets empty ones: the site then shows its
// defaults (apps/site/src/lib/site-settings.ts).
import { readFileSync } from "node:fs";
import { type ClientOptions, cmsUrl, fetchOne, tokenFromEnv, validateDocuments } from "@aide/cms-client";
import type { SiteSetting } from "@aide/content-schema";
import { localeCodes } from "@aide/locales";
import type { LocalUpload } from "./media.ts";

type Env = Record<string, string | undefined>;

/** The settings document of each locale, as the CMS sends it once validated; null where none is published. */
export type SettingsDocuments = Record<string, SiteSetting | null>;

/** One locale's settings, as the pages use them: empty texts are null, so a default shows instead. */
export interface SiteSettings {
	readonly locale: string;
	readonly name: string | null;
	readonly tagline: string | null;
	/** The logo as the site serves it (/media/…, site-settings-logo.ts), with the media store's files the build copies. */
	readonly logo: LocalUpload | null;
	/** A CSS hex colour (the content model's regex, checked again on read). */
	readonly accentColor: string | null;
	/** Where readers who found no answer write to: an https:, http: or mailto: address, and its text in this locale. */
	readonly contact: { readonly url: string; readonly label: string | null } | null;
	readonly footerLinks: ReadonlyArray<{ readonly label: string; readonly url: string }>;
}

/** The single type's REST path (its singularName) and what to populate: the logo and the footer links. */
const SETTINGS = "site-setting";
const POPULATE = { "populate[logo]": "true", "populate[footerLinks]": "true" };

/** Validates one locale's settings document; the error names the field, the locale and what to do. */
export function validateSettings(locale: string, document: unknown): SiteSetting | null {
	if (document === null || document === undefined) return null;
	return validateDocuments<SiteSetting>(SETTINGS, locale, [document])[0] ?? null;
}

/** Reads the published settings of every locale from the CMS. */
export async function fetchSiteSettings(options: ClientOptions): Promise<SettingsDocuments> {
	const read = await Promise.all(
		localeCodes.map(async (locale) => [locale, validateSettings(locale, await fetchOne(options, SETTINGS, locale, POPULATE))] as const),
	);
	return Object.fromEntries(read);
}

/** The settings kept in a snapshot file (its `settings` field; a snapshot made before settings existed has none). */
export function readSnapshotSettings(file: string): SettingsDocuments {
	const parsed = JSON.parse(readFileSync(file, "utf8")) as { settings?: Record<string, unknown> };
	return Object.fromEntries(
		Object.entries(parsed.settings ?? {}).map(([locale, document]) => [locale, validateSettings(locale, document)]),
	);
}

/** The settings of every locale: from the snapshot named by `AIDE_SNAPSHOT` when set, otherwise from the CMS (as loadSiteContent). */
export async function loadSiteSettings(env: Env = process.env, onRetry?: (message: string) => void): Promise<SettingsDocuments> {
	const snapshot = env.AIDE_SNAPSHOT?.trim();
	if (snapshot) return readSnapshotSettings(snapshot);
	return fetchSiteSettings({ url: cmsUrl(env), token: tokenFromEnv("CMS_TOKEN", "site", env), ...(onRetry ? { onRetry } : {}) });
}

/** Text an editor left blank is no text: the default shows. */
const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * One locale's settings document as the pages use it, with its logo once brought into the site
 * (`logos`, by the logo's URL: withSettingsLogos); with none (`null`), every field is empty and the defaults show.
 */
export function toSiteSettings(
	locale: string,
	document: SiteSetting | null,
	logos: ReadonlyMap<string, LocalUpload> = new Map(),
): SiteSettings {
	if (!document) return { locale, name: null, tagline: null, logo: null, accentColor: null, contact: null, footerLinks: [] };
	const contactUrl = text(document.contactUrl);
	return {
		locale,
		name: text(document.name),
		tagline: text(document.tagline),
		logo: (document.logo && logos.get(document.logo.url)) ?? null,
		accentColor: text(document.accentColor),
		contact: contactUrl ? { url: contactUrl, label: text(document.contactLabel) } : null,
		footerLinks: (document.footerLinks ?? []).map((link) => ({ label: link.label.trim(), url: link.url })),
	};
}
