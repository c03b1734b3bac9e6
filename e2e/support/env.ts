/** A value the global setup (support/global-setup.ts) hands the journeys: the portal's addresses, the editor, the insights token. */
export function env(name: "E2E_BASE_URL" | "E2E_CMS_URL" | "E2E_EDITOR" | "E2E_INSIGHTS_TOKEN"): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run through playwright.config.ts, whose global setup starts the portal.`);
	return value;
}
