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
		"global::content-api-guard",
		"global::content-api-cache",
	];
};
