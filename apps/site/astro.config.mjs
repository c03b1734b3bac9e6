// @ts-check
import { insightsUrl, siteUrl } from "@aide/config";
import { defaultLocale, localeCodes } from "@aide/locales";
import mdx from "@astrojs/mdx";
import node from "@astrojs/node";
import { defineConfig } from "astro/config";
import site from "./package.json" with { type: "json" };

// The workspace's own packages (the content loader and the Markdown renderer among them) run as Node
// runs them, not through Vite's module runner: rendering 20,000 answers at build time is 1.4 times
// slower through the runner's import indirection (docs/BENCHMARKS.md). Node strips their types.
const workspacePackages = Object.entries(site.dependencies)
	.filter(([, version]) => version.startsWith("workspace:"))
	.map(([name]) => name);

// Where the pages send reader insights, fixed when the site is built: the site service's one-entry fast
// path renders pages later with this build's server code, in a process whose environment may differ.
const insightsEndpoint = insightsUrl(process.env) ?? null;

export default defineConfig({
	site: siteUrl(process.env),
	trailingSlash: "always",
	integrations: [mdx()],
	// Every page is prerendered but the draft preview, which the site service of `npm start` renders on
	// request through this adapter's handler (middleware mode: the service owns the HTTP server, checks
	// the link and hands the page its entry in `locals`).
	adapter: node({ mode: "middleware" }),
	session: false,
	// Missing translations are decided per page in getStaticPaths, never by a fallback that would put
	// French text under lang="en".
	i18n: { defaultLocale, locales: [...localeCodes], routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false } },
	// Stylesheets as files: the Content-Security-Policy allows no inline style. Four pages at a time:
	// a page is mostly waiting on its file being written, and 20,000 of them one by one left the
	// process idle a third of the time (docs/BENCHMARKS.md).
	build: { inlineStylesheets: "never", concurrency: 4 },
	devToolbar: { enabled: false },
	vite: { ssr: { external: workspacePackages }, define: { __AIDE_INSIGHTS_URL__: JSON.stringify(insightsEndpoint) } },
	server: { host: "127.0.0.1" },
});
