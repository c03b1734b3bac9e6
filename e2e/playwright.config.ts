import { defineConfig } from "@playwright/test";

/** Debian's Chromium: Playwright's own browser download cannot work on these machines. */
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
	testDir: "tests",
	globalSetup: "./support/global-setup.ts",
	timeout: 30_000,
	workers: 1,
	reporter: [["list"]],
	use: {
		browserName: "chromium",
		launchOptions: {
			executablePath: chromium,
			args: [
				"--no-sandbox",
				"--disable-gpu",
				"--disable-background-networking",
				"--disable-component-update",
				"--disable-sync",
				"--no-first-run",
			],
		},
	},
});
