import { defineProject } from "vitest/config";

export default defineProject({
	test: {
		name: "cms",
		globalSetup: ["test/global-setup.ts"],
		// Each file starts a real Strapi (and some a PostgreSQL): give them time.
		testTimeout: 60_000,
		hookTimeout: 180_000,
	},
});
