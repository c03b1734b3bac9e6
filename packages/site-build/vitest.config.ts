import { defineProject } from "vitest/config";

export default defineProject({
	test: {
		name: "site-build",
		// Real Astro builds and Pagefind runs in child processes.
		testTimeout: 120_000,
		hookTimeout: 240_000,
	},
});
