import { readSettings } from "../src/settings";

export default () => {
	const settings = readSettings();
	return {
		"users-permissions": {
			config: { jwtSecret: settings.secrets.JWT_SECRET },
		},
		upload: {
			config: {
				sizeLimit: 10 * 1024 * 1024,
				// Media for answers: images and documents. Nothing a browser would run as a page or a script
				// from the CMS's origin: no HTML, no SVG (it carries script), no XML, no JavaScript.
				security: {
					allowedTypes: ["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "application/pdf", "text/plain"],
					deniedTypes: [
						"text/html",
						"application/xhtml+xml",
						"image/svg+xml",
						"application/xml",
						"text/xml",
						"text/javascript",
						"application/javascript",
					],
				},
			},
		},
	};
};
