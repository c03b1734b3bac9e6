// The running site of `npm start`, as two HTTP servers:
//
// - the public site (127.0.0.1:4321 by default): the live build's files, and POST /aide/events, where
//   the pages send reader insights (insights/, when `insights` is given), nothing else;
// - the site service (127.0.0.1:4322 by default), for the CMS and editors only:
//   POST /rebuild   the CMS's webhook, authenticated by a secret header compared in constant time;
//   GET  /preview/… draft previews from links the CMS signed (rendered by the live build's server code,
//                   in a worker thread: see build-renderer.ts), and their images (/media/…, from the media
//                   store: see preview-media.ts);
//   GET  /status    the last build, for tools and tests (with the webhook's secret header: its errors name hosts and paths).
//
// Rebuilds run in build processes (@aide/site-build's build-process.ts) through a debounced, one-at-a-time Rebuilder;
// each builds aside and swaps the live link atomically, and the servers switch to the new files in
// the same instant. A failed build changes nothing that readers see. A single published entry's
// pages go live at once, ahead of the full rebuild (see patchEntry below).
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { quoteTitle } from "@aide/cms-client";
import { ENTRY_UID, INSIGHT_ROUTES, isDraftSave, readRebuildCall, rebuildReason } from "@aide/cms-contract";
import { loadEntryPreview, loadEntryVersions } from "@aide/cms-loader";
import type { Address } from "@aide/config";
import {
	DELTA_FOLDER,
	dropLinkedCopy,
	entryChangesSchema,
	indexDelta,
	linkedCopyOfLive,
	linkMedia,
	liveBuild,
	MEDIA_DIR,
	pageFile,
	precompressFiles,
	prepareLinkedCopy,
	promoteBuild,
	readBuildManifest,
	removeBuild,
	replaceFile,
	SiteBuilder,
	writeBuildManifest,
} from "@aide/site-build";
import { checkPreviewLink, WEBHOOK_SECRET_HEADER } from "@aide/site-link";
import { z } from "zod";
import { LiveRenderer } from "./build-renderer.ts";
import { guarded } from "./guard.ts";
import { type ReaderInsights, type ReaderInsightsOptions, startReaderInsights } from "./insights/reader-insights.ts";
import { LogThrottle } from "./log-throttle.ts";
import { MEDIA_PREFIX, servePreviewMedia } from "./preview-media.ts";
import { Rebuilder, type RebuildReport } from "./rebuilder.ts";
import { SiteFiles } from "./site-files.ts";
import { type Handler, SECURITY_HEADERS, setHeaders, staticSite } from "./static-site.ts";

/** A webhook's body is a few KB; anything much larger is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

export type { Address };

export interface SiteServiceOptions {
	/** The live link (see @aide/site-build's builds.ts). */
	dist: string;
	public: Address;
	service: Address;
	webhookSecret: string;
	previewSecret: string;
	/** The CMS admin's origin: the only page allowed to frame previews. */
	cmsOrigin: string;
	/** Environment of each build (CMS_URL, AIDE_DATA_DIR...). */
	buildEnv: Record<string, string | undefined>;
	debounceMs?: number;
	/** Hold rebuilds until `rebuilder.resume()`, e.g. while the CMS loads its first content. */
	holdRebuilds?: boolean;
	log?: (message: string) => void;
	/** Reader insights: POST /aide/events on the public site, flushed into the CMS. None without this. */
	insights?: ReaderInsightsOptions;
}

export interface SiteService {
	publicUrl: string;
	serviceUrl: string;
	rebuilder: Rebuilder;
	/** Every finished build, oldest first. */
	reports: RebuildReport[];
	/** The build's processes, while they run (for measurements). */
	buildPids(): number[];
	/** The render threads of builds' server code running (for tests and measurements): at most the live build's, and one finishing its renders. */
	renderThreads(): number;
	/** The events route and its sink, when `insights` was given. */
	insights: ReaderInsights | undefined;
	close(): Promise<void>;
}

function listen(server: Server, { host, port }: Address, what: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once("error", (error: NodeJS.ErrnoException) =>
			reject(
				error.code === "EADDRINUSE"
					? new Error(`${what} cannot listen on ${host}:${port}: the port is in use. Stop what uses it, or choose another port.`)
					: error,
			),
		);
		server.listen({ host, port }, resolve);
	});
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
	return new Promise((resolve, reject) => {
		let size = 0;
		const chunks: Buffer[] = [];
		request.on("data", (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				resolve(undefined);
				request.destroy();
			} else chunks.push(chunk);
		});
		request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
		request.once("error", reject);
	});
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
	response.end(`${JSON.stringify(body)}\n`);
}

function sendText(response: ServerResponse, status: number, text: string): void {
	response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
	response.end(`${text}\n`);
}

function secretMatches(given: string | string[] | undefined, secret: string): boolean {
	if (typeof given !== "string") return false;
	const a = Buffer.from(given);
	const b = Buffer.from(secret);
	// timingSafeEqual needs equal lengths; comparing `b` with itself keeps the time independent of `given`.
	return a.length === b.length ? timingSafeEqual(a, b) : !timingSafeEqual(b, b);
}

/**
 * What a webhook call means for the public site. Strapi sends entry.create / entry.update for draft
 * saves too (the entry has no publishedAt): those change nothing readers see. The body is read by the
 * contract the CMS sends it by; a field of the wrong type counts as absent.
 */
export function webhookReason(body: unknown): { rebuild: boolean; reason: string; publishedEntry: string | undefined } {
	const call = readRebuildCall(body);
	const publishedEntry = call.event === "entry.publish" && call.uid === ENTRY_UID ? call.entry?.documentId : undefined;
	return { rebuild: !isDraftSave(call), reason: rebuildReason(call), publishedEntry };
}

/** The log's line a minute about refused webhook calls, after the first one's own. */
export const refusedCallsSummary = (count: number) =>
	`refused ${count} rebuild call${count === 1 ? "" : "s"} without the right secret in the last minute.`;

/** The request's URL, or null for a request-target no URL can be made of (`//`, `\\`, `*`). */
function requestUrl(target = "/"): URL | null {
	// Origin-form ("/path?query") is read as a path even when it starts with "//" (which `new URL(target, base)` reads as a host).
	return URL.parse(target.startsWith("/") ? `http://service${target}` : target);
}

function url({ host, port }: Address, server: Server): string {
	const address = server.address();
	return `http://${host}:${typeof address === "object" && address ? address.port : port}`;
}

export async function startSiteService(options: SiteServiceOptions): Promise<SiteService> {
	const log = options.log ?? ((message: string) => console.log(`aide: ${message}`));
	const builder = new SiteBuilder(options.buildEnv);
	// Astro loads while the service starts, not when the first publish asks for a build.
	builder.warm();
	const reports: RebuildReport[] = [];

	// The live build's server code (the preview route, the fast path's pages), in a worker thread; the
	// thread of the build it replaces ends after its renders.
	const renderers = new LiveRenderer();
	const liveRenderer = () => {
		const build = liveBuild(options.dist);
		return build && renderers.for(build);
	};

	// What readers are served. Replaced as a whole after each build: one assignment, so a request sees one site.
	let live: { id: string; site: SiteFiles; files: Handler } | undefined;
	/** Serves the live build; `changed` names what a fast path changed in its copy of the build served until now. */
	const refreshLive = ({ warm, changed }: { warm: boolean; changed?: { from: string; names: string[] } }) => {
		const build = liveBuild(options.dist);
		if (build && build.id !== live?.id) {
			const site =
				changed && live?.id === changed.from ? live.site.changedIn(build.staticDir, changed.names) : SiteFiles.list(build.staticDir);
			live = { id: build.id, site, files: staticSite(site, log) };
			// A full build's thread starts at once: loading a build's code in a new thread takes about a second,
			// which the next publish's pages would wait for. The fast path's copy (the same code, under another
			// name) waits for a render to ask: the full rebuild that follows would only replace it.
			if (warm) {
				renderers.for(build);
				// The next publish's fast path finds the live site linked into a build folder already.
				prepareLinkedCopy(options.dist);
			} else renderers.retire();
		}
	};
	refreshLive({ warm: true });

	// The one-entry fast path: when a single published entry changes and no build runs, the pages it
	// changes are rendered at once by the live build's own server code, through routes under /internal/
	// which only the render thread serves (apps/site/src/pages/internal/), into a linked copy of the live
	// site, and swapped in: its page in each locale, its permalink page (which names it in every locale),
	// the list pages that show it (each locale's home, full FAQ page, the category pages it is in and was
	// in) and, when it is new or moved, the sitemap, as the site's changed.json route names them; a small
	// search index of its pages goes with them (@aide/site-build's index-delta.ts). A new entry and a new
	// slug take this path too; a slug or anchor another entry has waits for the full rebuild, which
	// reports it. The full rebuild follows, for what else may show the entry (related answers' links).
	const renderInternal = async (path: string, what: string, locals: App.Locals): Promise<string> => {
		const renderer = liveRenderer();
		if (!renderer) throw new Error("the site has no live build");
		const page = await renderer.render(
			// The host this service's own requests had when the renders went through its HTTP server.
			{ method: "GET", url: path, headers: { host: new URL(serviceUrl()).host }, notFound: "Not found." },
			locals,
		);
		const body = Buffer.from(page.body).toString("utf8");
		if (page.status < 200 || page.status > 299) throw new Error(`rendering ${what} answered ${page.status}: ${body.trim()}`);
		return body;
	};
	let patching = Promise.resolve();
	let patchRequests = 0;
	let patchesPending = 0;
	const patchEntry = (documentId: string) => {
		const request = ++patchRequests;
		// The full rebuild waits for the patch: on two cores they would only slow each other down.
		if (patchesPending++ === 0) rebuilder.pause();
		patching = patching.then(async () => {
			const started = performance.now();
			let entry = `entry ${documentId}`;
			try {
				// Another publish came meanwhile: a burst (an import, a bulk publish), left to the full rebuild.
				if (patchRequests !== request) return;
				const live = liveBuild(options.dist);
				const versions = await loadEntryVersions(documentId, "published", options.buildEnv);
				// The log names the entry as editors know it: its question, in each locale.
				const titles = versions.map((version) => `${quoteTitle(version.question)} in ${version.locale}`);
				if (titles.length > 0) entry = `entry ${documentId} (${titles.join(", ")})`;
				if (!live) {
					log(`the pages of ${entry} wait for the full build: the site has none live yet.`);
					return;
				}
				const [first] = versions;
				if (!first) {
					log(`${entry} has no published version now; the full rebuild takes it off the site.`);
					return;
				}
				const read = readBuildManifest(live.buildDir);
				if (!read.ok) {
					log(`the pages of ${entry} wait for the full rebuild: ${read.reason}.`);
					return;
				}
				// What the change touches, as the live build's own code sees it with the whole content it holds.
				const locals = { changedEntry: { versions } };
				const said = entryChangesSchema.safeParse(
					JSON.parse(await renderInternal(`/internal/${first.locale}/changed.json`, `what ${entry} changes`, locals)),
				);
				if (!said.success) throw new Error(`the site named what ${entry} changes in an unexpected form: ${z.prettifyError(said.error)}`);
				const changes = said.data;
				if ("refused" in changes) {
					log(`the pages of ${entry} wait for the full rebuild, which checks the whole content: ${changes.refused}.`);
					return;
				}
				const placeOf = (locale: string) => {
					const place = changes.entry[locale];
					if (!place) throw new Error(`the site named no page for ${entry} in ${locale}`);
					return place;
				};
				const renderPages = async () => {
					const pages = await Promise.all(
						versions.map(async (version) => ({
							path: pageFile(placeOf(version.locale).page),
							html: await renderInternal(`/internal/${version.locale}/entry/`, `the page of ${version.locale}/${version.slug}`, {
								entryPage: { entry: version },
							}),
						})),
					);
					// The permalink page names the entry in every locale: it changes with them.
					const permalinkHtml = await renderInternal(`/internal/${first.locale}/permalink/`, `the permalink page of ${documentId}`, {
						permalinkPage: { versions },
					});
					pages.push({ path: pageFile(placeOf(first.locale).permalink.page), html: permalinkHtml });
					// The lists that show it (the homes, full FAQ pages and category pages) and, for a new or moved entry, the sitemap.
					for (const { route, file } of changes.pages)
						pages.push({ path: file.split("/"), html: await renderInternal(route, `the page ${route}`, locals) });
					return pages;
				};
				// The live site is linked into a new build folder (or the copy made ahead of this publish taken) while the pages render.
				const copyStarted = performance.now();
				let copyMs = 0;
				const copying = linkedCopyOfLive(options.dist).then((made) => {
					copyMs = performance.now() - copyStarted;
					return made;
				});
				let pages: Awaited<ReturnType<typeof renderPages>>;
				let rendered: number;
				let copy: Awaited<typeof copying>;
				try {
					pages = await renderPages();
					rendered = performance.now();
					copy = await copying;
				} catch (error) {
					void copying.then(
						(made) => made && removeBuild(made.dir),
						() => {},
					);
					throw error;
				}
				if (!copy) return;
				// The answers' own pages are what search finds (the permalink page is not indexed).
				const searched = pages.slice(0, versions.length).map(({ path }) => path.join("/"));
				let indexing = performance.now();
				const media = versions.flatMap((version) => version.media);
				try {
					// replaceFile drops each page's stale compressed copies; new ones are written before it goes live.
					await precompressFiles(pages.map(({ path, html }) => replaceFile(join(copy.dir, "client"), path, html)));
					// The images the new answers show; the ones they no longer show stay until the full rebuild.
					linkMedia(join(copy.dir, "client"), media);
					// The next fast path (and the service) find the entry's pages where they now are.
					read.manifest.entries[documentId] = changes.entry;
					read.manifest.media = [...new Set([...read.manifest.media, ...media])].sort();
					writeBuildManifest(copy.dir, read.manifest);
					// Searchable at once: a small index of the changed answers, merged by the search box into the main
					// one. The pages at an old slug stay until the full rebuild, for the links to them, but search leaves them out.
					indexing = performance.now();
					await indexDelta(copy.dir, copy.from, searched, changes.moved);
				} catch (error) {
					removeBuild(copy.dir);
					throw error;
				}
				// A full build that went live meanwhile already has the change, and more.
				if (liveBuild(options.dist)?.id !== copy.from) return removeBuild(copy.dir);
				promoteBuild(options.dist, copy.dir);
				// What the copy changed, as names in the site: the server lists only those again.
				const names = [
					...pages.map(({ path }) => `/${path.join("/")}`),
					...media.map((name) => `/${MEDIA_DIR}/${name}`),
					`/${DELTA_FOLDER}`,
				];
				refreshLive({ warm: false, changed: { from: copy.from, names } });
				const seconds = ((performance.now() - started) / 1000).toFixed(1);
				const phases = [
					`${pages.length} pages rendered in ${((rendered - started) / 1000).toFixed(1)} s`,
					`the site copied in ${(copyMs / 1000).toFixed(1)} s beside them`,
					`searchable in ${((performance.now() - indexing) / 1000).toFixed(1)} s`,
				];
				log(`the pages of ${entry} are live, written in ${seconds} s (${phases.join(", ")}); the full rebuild follows.`);
			} catch (error) {
				log(`could not write the pages of ${entry} at once (${(error as Error).message}); the full rebuild will.`);
			} finally {
				if (--patchesPending === 0) rebuilder.resume();
			}
		});
	};

	const rebuilder = new Rebuilder({
		build: async () => {
			const outcome = await builder.build(options.dist);
			if (outcome.ok) refreshLive({ warm: true });
			return outcome;
		},
		...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
		paused: options.holdRebuilds ?? false,
		onReport: (report) => {
			reports.push(report);
			const seconds = (report.durationMs / 1000).toFixed(1);
			const why = report.reasons.join(", ");
			if (report.ok) log(`rebuild #${report.number} (${why}) is live, built in ${seconds} s (${report.detail}).`);
			else log(`rebuild #${report.number} (${why}) failed after ${seconds} s; readers keep the previous site. ${report.error}`);
		},
	});

	const insights = options.insights && startReaderInsights(options.insights, log);
	const publicServer = createServer(
		guarded(
			"The site",
			(request, response) => {
				setHeaders(response, SECURITY_HEADERS);
				if (insights && request.url?.split("?")[0] === INSIGHT_ROUTES.events) return insights.handle(request, response);
				if (request.method !== "GET" && request.method !== "HEAD") {
					response.writeHead(405, { allow: "GET, HEAD" }).end();
					return;
				}
				if (!live) {
					response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "10" });
					response.end("The site is being built. Try again in a few seconds.\n");
					return;
				}
				live.files(request, response);
			},
			log,
		),
	);

	// Previews are framed by the CMS admin, and by nothing else.
	const previewHeaders = {
		...SECURITY_HEADERS,
		"Content-Security-Policy": SECURITY_HEADERS["Content-Security-Policy"]?.replace(
			"frame-ancestors 'none'",
			`frame-ancestors ${options.cmsOrigin}`,
		) as string,
		"Referrer-Policy": "no-referrer",
		"X-Robots-Tag": "noindex, nofollow",
	};
	delete (previewHeaders as Record<string, string>)["X-Frame-Options"];

	/** Checks the signed link, reads the entry from the CMS, and has the live build's preview route render it. */
	const preview = async (url: URL, request: IncomingMessage, response: ServerResponse) => {
		let check: ReturnType<typeof checkPreviewLink>;
		try {
			check = checkPreviewLink(url, options.previewSecret);
		} catch (error) {
			// A malformed %-escape in the path (decodeURIComponent): a bad request, not a failure of ours.
			if (!(error instanceof URIError)) throw error;
			return sendText(
				response,
				400,
				"This preview link is not valid: its path has a malformed %-escape. Open the preview again from the CMS.",
			);
		}
		if (!check.ok) {
			const why = check.reason === "expired" ? "This preview link has expired." : "This preview link is not valid.";
			return sendText(response, 401, `${why} Open the preview again from the CMS.`);
		}
		const { target } = check;
		if (!liveBuild(options.dist)) return sendText(response, 503, "The site has not been built yet; try again in a few seconds.");
		let entry: Awaited<ReturnType<typeof loadEntryPreview>>;
		try {
			entry = await loadEntryPreview(target, options.buildEnv);
		} catch (error) {
			log(`the preview of ${target.documentId} (${target.locale}) failed: ${(error as Error).message}`);
			return sendText(response, 502, `The preview could not read this entry from the CMS: ${(error as Error).message}`);
		}
		if (!entry) {
			return sendText(response, 404, `This entry has no ${target.status} version in ${target.locale}. Save it in the CMS first.`);
		}
		// The renderer of the build live now (another may have gone live while the CMS answered).
		const renderer = liveRenderer();
		if (!renderer) return sendText(response, 503, "The site has not been built yet; try again in a few seconds.");
		const page = await renderer.render(
			{
				method: request.method === "HEAD" ? "HEAD" : "GET",
				url: request.url ?? "/",
				headers: request.headers,
				notFound: "No such preview.",
			},
			{ preview: { entry, status: target.status } },
		);
		response.writeHead(page.status, page.headers).end(page.body);
	};

	// Anyone who can reach the service can call /rebuild: the first refusal is logged, then a count a minute.
	const refusals = new LogThrottle({ log, summary: refusedCallsSummary });
	const authenticated = (request: IncomingMessage) => secretMatches(request.headers[WEBHOOK_SECRET_HEADER], options.webhookSecret);
	const refuse = (response: ServerResponse) => sendJson(response, 401, { error: `Missing or wrong ${WEBHOOK_SECRET_HEADER} header.` });

	const serviceServer = createServer(
		guarded(
			"The site service",
			async (request, response) => {
				const url = requestUrl(request.url);
				if (!url) return sendJson(response, 400, { error: "The request's path is not a valid URL path." });
				const path = url.pathname;
				if (path === "/rebuild") {
					if (request.method !== "POST") return sendJson(response.setHeader("allow", "POST"), 405, { error: "Use POST." });
					if (!authenticated(request)) {
						refusals.note(() => `refused a rebuild call from ${request.socket.remoteAddress}: missing or wrong ${WEBHOOK_SECRET_HEADER}.`);
						return refuse(response);
					}
					const body = await readBody(request);
					if (body === undefined) return sendJson(response, 413, { error: "The body is larger than a webhook's." });
					let parsed: unknown;
					try {
						parsed = body ? JSON.parse(body) : {};
					} catch {
						return sendJson(response, 400, { error: "The body is not JSON." });
					}
					const { rebuild, reason, publishedEntry } = webhookReason(parsed);
					// Not while a build that started before this publish runs: it would go live after, without it.
					if (publishedEntry && !rebuilder.busy) patchEntry(publishedEntry);
					if (rebuild) rebuilder.request(reason);
					return sendJson(response, 202, { rebuild });
				}
				if (path === "/status" && request.method === "GET") {
					// A failed build's error names hosts and paths: for the CMS's secret holders only.
					if (!authenticated(request)) return refuse(response);
					return sendJson(response, 200, { live: live !== undefined, builds: rebuilder.builds, last: reports.at(-1) ?? null });
				}
				if (request.method !== "GET" && request.method !== "HEAD") return sendJson(response, 405, { error: "Not here." });
				setHeaders(response, previewHeaders);
				if (path.startsWith("/preview/")) return await preview(url, request, response);
				// The previews' images (a draft's are not in the live build), then their stylesheets and scripts.
				if (path.startsWith(MEDIA_PREFIX) && servePreviewMedia(path, response)) return;
				if (live) return live.files(request, response, () => sendJson(response, 404, { error: "Not found." }));
				return sendJson(response, 404, { error: "Not found." });
			},
			log,
		),
	);

	const serviceUrl = () => url(options.service, serviceServer);
	try {
		await listen(serviceServer, options.service, "The site service");
		await listen(publicServer, options.public, "The site");
	} catch (error) {
		// Nothing of a service that did not start may outlive it: the warm render process included.
		serviceServer.close();
		dropLinkedCopy(options.dist);
		builder.stop();
		await renderers.close();
		await insights?.close();
		throw error;
	}

	return {
		publicUrl: url(options.public, publicServer),
		serviceUrl: url(options.service, serviceServer),
		rebuilder,
		reports,
		buildPids: () => builder.pids,
		renderThreads: () => renderers.threads,
		insights,
		async close() {
			await rebuilder.stop();
			refusals.flush();
			// Readers' requests stop before the last flush, or an event taken after it would be lost: no new
			// connections, and none idle left open for another request (those in progress finish or are cut below).
			const publicClosed = new Promise((resolve) => publicServer.close(resolve));
			publicServer.closeIdleConnections();
			// The last counts go to the CMS before it is stopped (start.ts stops it after this).
			await insights?.close();
			await patching;
			dropLinkedCopy(options.dist);
			builder.stop();
			await renderers.close();
			publicServer.closeAllConnections();
			await Promise.all([publicClosed, new Promise((resolve) => serviceServer.close(resolve).closeAllConnections())]);
		},
	};
}
