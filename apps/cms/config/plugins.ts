import { readSettings } from "../src/settings";

export default () => {
	const settings = readSettings();
	return {
		"users-permissions": {
			config: { jwtSecret: settings.secrets.JWT_SECRET },
		},
		upload: {
			config: { sizeLimit: 10 * 1024 * 1024 },
		},
	};
};
