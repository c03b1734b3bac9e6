import { defineProject } from "vitest/config";

export default defineProject({
	test: {
		name: "site",
		// The build tests start a real CMS and run real Astro builds.
		testTimeout: 120_000,
		hookTimeout: 240_000,
	},
});
