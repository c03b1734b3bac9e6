// The workspace's one-way arrows (ARCHITECTURE.md, "The layout to reach"): apps -> packages -> content-models.
// No app imports another app, no package imports an app, and no workspace member reaches into another one's
// files by relative path: it goes through the other's package name and `exports`. e2e/ and bench/ may use an
// app only that way too. `npm run lint` (and so `npm test`) runs `depcruise` with this file.
//
// Every import counts: static, type-only (`import type`, `import("x").T`, JSDoc), re-exports and dynamic
// `import("literal")`. Imports through a package name are followed through pnpm's symlinks to the real file
// (`preserveSymlinks: false`), so `@aide/portal/...` is seen as `apps/portal/...`. depcruise cannot read `.astro`
// files: biome.json's `.astro` override (noRestrictedImports) stands in for these rules there. Not seen at all:
// imports inside `.mdx` pages (none today) and `import.meta.glob` patterns (none today).

/** What to do about a broken arrow; each rule's message (its `comment`, printed by `--output-type err-long`) says what it found first. */
const fix = "Move the shared code into a package under packages/ and import it by its name (@aide/...) from both sides.";

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
	forbidden: [
		{
			name: "app-imports-another-app",
			severity: "error",
			comment: `An app imports another app's file (by relative path or by package name). Apps never import each other: ${fix}`,
			from: { path: "^apps/([^/]+)/" },
			to: { path: "^apps/", pathNot: "^apps/$1/" },
		},
		{
			name: "package-imports-an-app",
			severity: "error",
			comment: `A package imports an app's file. Packages never depend on apps: ${fix}`,
			from: { path: "^packages/" },
			to: { path: "^apps/" },
		},
		{
			name: "relative-path-into-another-member",
			severity: "error",
			comment:
				"A workspace member reaches into another member's files by relative path. Import the other one by its package " +
				"name (@aide/...), through what its package.json `exports` declare, and list that name in this member's " +
				'dependencies ("workspace:*"). Test helpers and data that several suites share belong in packages/testing; ' +
				`code of an app that others need: ${fix}`,
			from: { path: "^((?:apps|packages)/[^/]+|e2e|bench)/" },
			to: { path: "^((?:apps|packages)/[^/]+|e2e|bench)/", pathNot: "^$1/", dependencyTypes: ["local"] },
		},
		{
			name: "app-or-package-imports-e2e-or-bench",
			severity: "error",
			comment: `An app or a package imports a file of e2e/ or bench/, which only use the workspace, never serve it: ${fix}`,
			from: { path: "^(apps|packages)/" },
			to: { path: "^(e2e|bench)/" },
		},
		{
			name: "content-models-read-outside-packages",
			severity: "error",
			comment:
				"An app, e2e or bench reads content-models/ itself. Only packages read it (the arrows go apps -> packages -> " +
				"content-models): use what @aide/content-schema makes of it (its types, schemas and Strapi files).",
			from: { path: "^(apps|e2e|bench)/" },
			to: { path: "^content-models/" },
		},
		{
			name: "unresolvable-workspace-import",
			severity: "error",
			comment:
				"An import of an @aide/ package does not resolve: the name is missing from this member's package.json " +
				'dependencies ("workspace:*", then pnpm install), or the subpath is not in that package\'s `exports`. ' +
				"Declare the dependency and import only what the package exports; never an app from another app or a package.",
			from: {},
			to: { path: "^@aide/", couldNotResolve: true },
		},
	],
	options: {
		// Where people write code; generated, built and installed files are neither read nor followed.
		includeOnly: "^((apps|packages|e2e|bench|content-models)/|@aide/)",
		exclude: {
			path: "(^|/)(node_modules|dist|\\.builds|\\.astro|\\.strapi|\\.tools|generated|test-results|playwright-report)(/|$)",
		},
		doNotFollow: { path: "(^|/)node_modules/" },
		// Type-only imports are arrows too: they tie the importer to the other side's code.
		tsPreCompilationDeps: true,
		detectJSDocImports: true,
		parser: "tsc",
		moduleSystems: ["es6", "cjs"],
		// Follow pnpm's workspace symlinks to the real path, so that @aide/portal/... is seen as apps/portal/...
		preserveSymlinks: false,
		enhancedResolveOptions: {
			// As Node resolves them: a subpath an @aide/ package does not export does not resolve.
			exportsFields: ["exports"],
			conditionNames: ["types", "import", "require", "node", "default"],
			mainFields: ["types", "module", "main"],
		},
		// .dependency-cruiser-known-violations.json lists the violations that were there when this rule came, each
		// to be fixed. One that is fixed must leave the list too, or the same arrow could come back unnoticed.
		baseline: { staleEntriesSeverity: "error" },
	},
};
