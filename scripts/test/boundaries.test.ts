// The boundaries rule of `npm run lint` (.dependency-cruiser.mjs): apps -> packages -> content-models, and no
// member reaches into another one's files. Each case runs the very `boundaries` script of the root package.json,
// with a copy of the real config, in a small workspace laid out as this one is (pnpm's symlinks included).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const configFile = ".dependency-cruiser.mjs";
const knownViolationsFile = ".dependency-cruiser-known-violations.json";
const rootManifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
const boundariesScript = rootManifest.scripts.boundaries;
if (!boundariesScript) throw new Error("package.json has no `boundaries` script, which `npm run lint` runs");

interface Run {
	status: number | null;
	output: string;
}

/** Runs the root's `boundaries` script in `cwd`, with extra arguments after it, as `pnpm run lint` does. */
function runBoundaries(cwd: string, extraArgs = ""): Run {
	const result = spawnSync("sh", ["-c", `${boundariesScript} ${extraArgs}`], {
		cwd,
		encoding: "utf8",
		env: { ...process.env, PATH: `${join(repoRoot, "node_modules", ".bin")}:${process.env.PATH ?? ""}` },
	});
	if (result.error) throw result.error;
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const manifest = (name: string, fields: object = {}) => `${JSON.stringify({ name, private: true, type: "module", ...fields }, null, 2)}\n`;

/**
 * A clean workspace: app a uses package p, which reads content-models/; app b exports `./service`; bench uses b
 * through that export (as the real bench uses @aide/portal/site-service); e2e uses p. Imports by name go through
 * symlinks in each member's node_modules, as pnpm lays them.
 */
const cleanFiles: Record<string, string> = {
	"package.json": manifest("fixture-root"),
	[knownViolationsFile]: "[]\n",
	"content-models/thing.json": "{}\n",
	"apps/a/package.json": manifest("@aide/a", { dependencies: { "@aide/p": "workspace:*" } }),
	"apps/a/src/index.ts": 'import { p } from "@aide/p";\nimport { local } from "./local.ts";\nexport const a = p + local;\n',
	"apps/a/src/local.ts": "export const local = 1;\n",
	"apps/b/package.json": manifest("@aide/b", { exports: { "./service": "./src/service.ts" } }),
	"apps/b/src/service.ts": 'import { p } from "@aide/p";\nexport const service = p;\nexport type Service = typeof service;\n',
	"apps/b/src/private.ts": "export const secret = 1;\n",
	"packages/p/package.json": manifest("@aide/p", { exports: { ".": "./src/index.ts" } }),
	"packages/p/src/index.ts": 'export { internal as p } from "./internal.ts";\n',
	"packages/p/src/internal.ts": "export const internal = 1;\n",
	"packages/p/src/models.ts":
		'import thing from "../../../content-models/thing.json" with { type: "json" };\nexport const models = [thing];\n',
	"packages/q/package.json": manifest("@aide/q", { exports: { ".": "./src/index.ts" } }),
	"packages/q/src/index.ts": "export const q = 1;\n",
	"bench/package.json": manifest("@aide/bench", { dependencies: { "@aide/b": "workspace:*", "@aide/p": "workspace:*" } }),
	"bench/src/bench.ts": 'import { service } from "@aide/b/service";\nimport { p } from "@aide/p";\nexport const bench = service + p;\n',
	"e2e/package.json": manifest("@aide/e2e", { devDependencies: { "@aide/p": "workspace:*" } }),
	"e2e/support/browser.ts": 'import { p } from "@aide/p";\nexport const browser = p;\n',
};

/** pnpm's links: member -> the workspace packages its package.json names. */
const cleanLinks: Array<[from: string, to: string]> = [
	["apps/a", "packages/p"],
	["apps/b", "packages/p"],
	["bench", "apps/b"],
	["bench", "packages/p"],
	["e2e", "packages/p"],
];

const workspaces: string[] = [];
afterAll(() => {
	for (const dir of workspaces.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function makeWorkspace(files: Record<string, string> = {}, links: Array<[string, string]> = []): string {
	const root = mkdtempSync(join(tmpdir(), "aide-boundaries-"));
	workspaces.push(root);
	for (const [path, text] of Object.entries({ ...cleanFiles, ...files })) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	copyFileSync(join(repoRoot, configFile), join(root, configFile));
	for (const [member, target] of [...cleanLinks, ...links]) {
		const name = JSON.parse(readFileSync(join(root, target, "package.json"), "utf8")).name as string;
		const link = join(root, member, "node_modules", name);
		mkdirSync(dirname(link), { recursive: true });
		symlinkSync(relative(dirname(link), join(root, target)), link, "dir");
	}
	return root;
}

const moveToPackage = "Move the shared code into a package under packages/";

interface BrokenArrow {
	case: string;
	files: Record<string, string>;
	links: Array<[string, string]>;
	rule: string;
	arrow: string;
	advice: string;
}

/** Each case adds files (and pnpm links) to the clean workspace; their package.json edits do not conflict. */
const brokenArrows: BrokenArrow[] = [
	{
		case: "an app importing another app by relative path",
		files: { "apps/a/src/relative.ts": 'import { service } from "../../b/src/service.ts";\nexport const x = service;\n' },
		links: [],
		rule: "app-imports-another-app",
		arrow: "apps/a/src/relative.ts → apps/b/src/service.ts",
		advice: moveToPackage,
	},
	{
		case: "an app importing another app's types only",
		files: { "apps/a/src/types.ts": 'import type { Service } from "../../b/src/service.ts";\nexport const x: Service = 1;\n' },
		links: [],
		rule: "app-imports-another-app",
		arrow: "apps/a/src/types.ts → apps/b/src/service.ts",
		advice: moveToPackage,
	},
	{
		case: "an app importing another app's module dynamically",
		files: { "apps/a/src/dynamic.ts": 'export const load = () => import("../../b/src/private.ts");\n' },
		links: [],
		rule: "app-imports-another-app",
		arrow: "apps/a/src/dynamic.ts → apps/b/src/private.ts",
		advice: moveToPackage,
	},
	{
		case: "an app importing another app by package name, even through its exports",
		files: {
			"apps/a/package.json": manifest("@aide/a", { dependencies: { "@aide/p": "workspace:*", "@aide/b": "workspace:*" } }),
			"apps/a/src/by-name.ts": 'import { service } from "@aide/b/service";\nexport const x = service;\n',
		},
		links: [["apps/a", "apps/b"]],
		rule: "app-imports-another-app",
		arrow: "apps/a/src/by-name.ts → apps/b/src/service.ts",
		advice: moveToPackage,
	},
	{
		case: "a package importing an app by relative path",
		files: { "packages/q/src/app-by-path.ts": 'export { local } from "../../../apps/a/src/local.ts";\n' },
		links: [],
		rule: "package-imports-an-app",
		arrow: "packages/q/src/app-by-path.ts → apps/a/src/local.ts",
		advice: moveToPackage,
	},
	{
		case: "a package importing an app by package name (a JSDoc type import)",
		files: {
			"packages/q/package.json": manifest("@aide/q", { exports: { ".": "./src/index.ts" }, dependencies: { "@aide/b": "workspace:*" } }),
			"packages/q/src/app-by-name.js": '/** @type {import("@aide/b/service").Service} */\nexport const x = 1;\n',
		},
		links: [["packages/q", "apps/b"]],
		rule: "package-imports-an-app",
		arrow: "packages/q/src/app-by-name.js → apps/b/src/service.ts",
		advice: moveToPackage,
	},
	{
		case: "a package reaching another package's file by relative path",
		files: { "packages/q/src/package-by-path.ts": 'export { internal } from "../../p/src/internal.ts";\n' },
		links: [],
		rule: "relative-path-into-another-member",
		arrow: "packages/q/src/package-by-path.ts → packages/p/src/internal.ts",
		advice: "Import the other one by its package name (@aide/...)",
	},
	{
		case: "bench reaching into an app by relative path",
		files: { "bench/src/app-by-path.ts": 'export { service } from "../../apps/b/src/service.ts";\n' },
		links: [],
		rule: "relative-path-into-another-member",
		arrow: "bench/src/app-by-path.ts → apps/b/src/service.ts",
		advice: "through what its package.json `exports` declare",
	},
	{
		case: "bench importing an app's file its exports do not declare",
		files: { "bench/src/not-exported.ts": 'export { secret } from "@aide/b/src/private.ts";\n' },
		links: [],
		rule: "unresolvable-workspace-import",
		arrow: "bench/src/not-exported.ts → @aide/b/src/private.ts",
		advice: "the subpath is not in that package's `exports`",
	},
	{
		case: "an app importing a workspace package its package.json does not name",
		files: { "apps/a/src/undeclared.ts": 'export { q } from "@aide/q";\n' },
		links: [],
		rule: "unresolvable-workspace-import",
		arrow: "apps/a/src/undeclared.ts → @aide/q",
		advice: "the name is missing from this member's package.json",
	},
	{
		case: "an app reading content-models/ itself",
		files: {
			"apps/a/src/models.ts": 'import thing from "../../../content-models/thing.json" with { type: "json" };\nexport const x = thing;\n',
		},
		links: [],
		rule: "content-models-read-outside-packages",
		arrow: "apps/a/src/models.ts → content-models/thing.json",
		advice: "use what @aide/content-schema makes of it",
	},
	{
		case: "a package importing e2e's helpers",
		files: { "packages/q/src/e2e-helper.ts": 'export { browser } from "../../../e2e/support/browser.ts";\n' },
		links: [],
		rule: "app-or-package-imports-e2e-or-bench",
		arrow: "packages/q/src/e2e-helper.ts → e2e/support/browser.ts",
		advice: moveToPackage,
	},
];

describe("the boundaries rule (npm run lint)", () => {
	it("passes a workspace whose arrows point one way, bench using an app only through its exports", () => {
		const run = runBoundaries(makeWorkspace());
		expect(run.output).toContain("no dependency violations found");
		expect(run.status, run.output).toBe(0);
	});

	describe("in a workspace that breaks each arrow once", () => {
		let run: Run;
		beforeAll(() => {
			// One workspace and one run for all the cases: each is told apart by its own error line.
			const files: Record<string, string> = {};
			for (const [path, text] of brokenArrows.flatMap((arrow) => Object.entries(arrow.files))) {
				if (path in files) throw new Error(`two cases write ${path}: give each its own file`);
				files[path] = text;
			}
			run = runBoundaries(
				makeWorkspace(
					files,
					brokenArrows.flatMap((arrow) => arrow.links),
				),
			);
		});

		it("fails", () => {
			expect(run.status, run.output).not.toBe(0);
		});

		it.each(brokenArrows)("reports $case, naming the rule, the file, the import and what to do", ({ rule, arrow, advice }) => {
			const report = run.output.split(/\n(?=\s*error )/).find((part) => part.includes(`error ${rule}: ${arrow}\n`));
			expect(report, run.output).toBeDefined();
			expect(report?.replace(/\s+/g, " ")).toContain(advice);
		});
	});

	it("passes the real workspace, and every known violation it still tolerates is still there", () => {
		const run = runBoundaries(repoRoot, "--output-type json");
		expect(run.status, run.output).toBe(0);
		const { summary } = JSON.parse(run.output) as { summary: { error: number; totalCruised: number; baselineStale?: number } };
		expect(summary.error).toBe(0);
		// The whole workspace was read (apps, packages, e2e, bench), not an empty folder.
		expect(summary.totalCruised).toBeGreaterThan(150);
		expect(
			summary.baselineStale ?? 0,
			`${knownViolationsFile} lists a violation that is fixed: remove its entry ` +
				`(or run the boundaries script with --baseline ${knownViolationsFile} --baseline-mode shrink-only)`,
		).toBe(0);
	});

	describe(".astro files, which dependency-cruiser cannot read: Biome's noRestrictedImports stands in (biome.json)", () => {
		const biomeConfig = JSON.parse(readFileSync(join(repoRoot, "biome.json"), "utf8")) as {
			overrides: Array<{ includes: string[]; linter?: { rules?: Record<string, Record<string, unknown>> } }>;
		};
		const astroRule = biomeConfig.overrides.find((override) => override.includes.includes("**/*.astro"))?.linter?.rules?.style
			?.noRestrictedImports as { options: { patterns: Array<{ group: string[] }> } } | undefined;

		it("names every app, by folder and by package name, so that a new app is covered too", () => {
			const group = astroRule?.options.patterns.flatMap((pattern) => pattern.group) ?? [];
			for (const folder of ["apps", "packages", "e2e", "bench"]) expect(group).toContain(`../**/${folder}/**`);
			for (const app of readdirSync(join(repoRoot, "apps"))) {
				const { name } = JSON.parse(readFileSync(join(repoRoot, "apps", app, "package.json"), "utf8")) as { name: string };
				expect(group, `biome.json's .astro override must forbid apps/${app} (${name})`).toEqual(
					expect.arrayContaining([`../**/${app}/**`, name, `${name}/**`]),
				);
			}
		});

		it("reports an .astro file importing another app or another member's file, at the import, with what to do", () => {
			const root = makeWorkspace({
				"apps/site/src/pages/clean.astro": [
					"---",
					'import { p } from "@aide/p";',
					'import { homeUrl } from "../lib/urls.ts";',
					'import Base from "../layouts/Base.astro";',
					"---",
					"<Base>{p}{homeUrl}</Base>",
					"",
				].join("\n"),
				"apps/site/src/pages/bad.astro": [
					"---",
					'import { start } from "../../../portal/src/start.ts";',
					'import type { Internal } from "../../../../packages/p/src/internal.ts";',
					'import { service } from "@aide/portal/site-service";',
					'const later = await import("../../../cms/src/index.ts");',
					"---",
					"<p>{start}{service}{later}</p>",
					"",
				].join("\n"),
			});
			copyFileSync(join(repoRoot, "biome.json"), join(root, "biome.json"));
			const result = spawnSync(
				join(repoRoot, "node_modules", ".bin", "biome"),
				["lint", "--vcs-enabled=false", "--only=style/noRestrictedImports", "--max-diagnostics=50", "apps"],
				{ cwd: root, encoding: "utf8" },
			);
			const output = `${result.stdout}${result.stderr}`;
			expect(result.status, output).not.toBe(0);
			for (const line of [2, 3, 4, 5]) expect(output).toContain(`apps/site/src/pages/bad.astro:${line}:`);
			expect(output).not.toContain("clean.astro");
			expect(output.replace(/\s+/g, " ")).toContain("move the shared code into a package under packages/");
		});
	});
});
