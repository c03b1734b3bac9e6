import { defineCollection } from "astro:content";
import { cmsLoader, type SiteCategory, type SiteEntry, type SiteSettings, siteSettingsLoader } from "@aide/cms-loader";
import { z } from "astro/zod";

// The loader validates everything against content-models/ before storing it; these schemas only
// carry its types into the pages.
const isObject = (value: unknown) => typeof value === "object" && value !== null;

export const collections = {
	entries: defineCollection({ loader: cmsLoader("entries"), schema: z.custom<SiteEntry>(isObject) }),
	categories: defineCollection({ loader: cmsLoader("categories"), schema: z.custom<SiteCategory>(isObject) }),
	// One item per locale with published settings (id: the locale's code); read through src/lib/site-settings.ts.
	settings: defineCollection({ loader: siteSettingsLoader(), schema: z.custom<SiteSettings>(isObject) }),
};
