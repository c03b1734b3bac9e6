import { chromiumLaunchOptions } from "@aide/testing";
import { defineConfig } from "@playwright/test";

export default defineConfig({
	testDir: "tests",
	globalSetup: "./support/global-setup.ts",
	timeout: 30_000,
	workers: 1,
	reporter: [["list"]],
	use: {
		browserName: "chromium",
		launchOptions: chromiumLaunchOptions,
	},
});
