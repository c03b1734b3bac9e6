import { defineProject } from "vitest/config";

// The root's own checks: the workspace's boundaries rule (`npm run lint`). Not aide.mjs's setup, which tests run through.
export default defineProject({ test: { name: "scripts", include: ["test/**/*.test.ts"], testTimeout: 60_000 } });
