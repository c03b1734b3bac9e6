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
	};
};
