import { readSettings } from "../src/settings";

export default () => {
	const { corsOrigins } = readSettings();
	return [
		"strapi::logger",
		"strapi::errors",
		"strapi::security",
		// Without configured origins, no browser origin but the CMS's own may call it.
		{ name: "strapi::cors", config: { origin: corsOrigins, credentials: true } },
		"strapi::poweredBy",
		"strapi::query",
		"strapi::body",
		"strapi::session",
		"strapi::favicon",
		"strapi::public",
		// The content API's guard and the read side of its cache sit on its own router (src/middlewares/content-api-rules.ts);
		// this one drops the cache after authenticated writes anywhere.
		"global::content-api-cache",
	];
};
