// Checks every setting the CMS reads, as `npm run cms` does before anything else, and says what is
// wrong in one line (exit 1), or nothing (exit 0). `npm start` runs it before it opens a port, so that
// a bad CMS setting stops the portal at once rather than after its servers and a CMS restart loop.
import { ConfigError, readSettings } from "../src/settings.ts";

try {
	readSettings(process.env);
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(error.message);
	process.exit(1);
}
