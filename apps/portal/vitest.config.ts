import { defineProject } from "vitest/config";

export default defineProject({
	test: {
		name: "portal",
		// The service and launcher tests start a real CMS, real builds and the whole portal.
		testTimeout: 120_000,
		hookTimeout: 240_000,
	},
});
