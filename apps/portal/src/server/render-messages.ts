// What the site service and a build's render worker (render-worker.ts) say to each other. Everything
// here crosses between threads by structured clone: plain data only (App.Locals holds SiteEntry values).
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

export interface RenderWorkerData {
	/** The build's server entry module (@aide/site-build's liveBuild). */
	serverEntry: string;
}

/** The request a page is rendered for: its method, path and query, and headers. */
export interface RenderRequest {
	method: "GET" | "HEAD";
	url: string;
	headers: IncomingHttpHeaders;
	/** The 404's text when the build has no such route. */
	notFound: string;
}

export interface RenderWorkerRequest {
	id: number;
	request: RenderRequest;
	locals: App.Locals;
}

export type RenderReply =
	| { id: number; ok: true; status: number; headers: OutgoingHttpHeaders; body: Uint8Array<ArrayBuffer> }
	| { id: number; ok: false; error: string };

export type RenderedPage = Omit<Extract<RenderReply, { ok: true }>, "id" | "ok">;
