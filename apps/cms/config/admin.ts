import { ENTRY_UID } from "@aide/cms-contract";
import { previewLink } from "@aide/site-link";
import { readSettings } from "../src/settings";

export default () => {
	const settings = readSettings();
	return {
		auth: { secret: settings.secrets.ADMIN_JWT_SECRET },
		apiToken: { salt: settings.secrets.API_TOKEN_SALT },
		secrets: { encryptionKey: settings.secrets.ENCRYPTION_KEY },
		// Transfer tokens let anyone holding one push or pull the whole database: off unless configured.
		transfer: { token: { salt: settings.transferTokenSalt } },
		// Strapi's defaults, written out so that nobody turns them off by accident: 5 tries per 5 minutes.
		rateLimit: { enabled: true, interval: { min: 5 }, max: 5 },
		flags: { nps: false, promoteEE: false },
		// The Preview button of an FAQ entry opens the site service's preview route (`npm start`) with a
		// signed, expiring link: the entry as the site will show it, draft or published, in its locale.
		preview: {
			enabled: true,
			config: {
				allowedOrigins: [new URL(settings.siteServiceUrl).origin],
				handler: (uid: string, { documentId, locale, status }: { documentId: string; locale?: string; status?: string }) => {
					if (uid !== ENTRY_UID || !locale) return null;
					return previewLink({
						baseUrl: settings.siteServiceUrl,
						secret: settings.secrets.AIDE_PREVIEW_SECRET,
						locale,
						documentId,
						status: status === "published" ? "published" : "draft",
					});
				},
			},
		},
	};
};
