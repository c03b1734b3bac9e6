// The live build's server code, for the site service's draft previews and one-entry pages: loaded in
// a worker thread of its own (render-worker.ts), and terminated, once its renders in progress are done,
// when a newer build goes live. ES modules are never unloaded: imported into the service, every
// build's bundle (and what it holds) would stay there for as long as the service runs.
import { Worker } from "node:worker_threads";
import type { RenderedPage, RenderReply, RenderRequest, RenderWorkerData, RenderWorkerRequest } from "./render-messages.ts";

export type { RenderedPage, RenderRequest } from "./render-messages.ts";

const workerScript = new URL("./render-worker.ts", import.meta.url);

/** One build's server code in its worker thread. */
class BuildRenderer {
	readonly #worker: Worker;
	readonly #pending = new Map<number, { resolve: (page: RenderedPage) => void; reject: (error: Error) => void }>();
	#nextId = 0;
	#retired = false;
	/** Set when the thread stopped or was told to end: renders asked after that fail at once. */
	#failure: Error | undefined;
	readonly exited: Promise<void>;

	constructor(serverEntry: string) {
		this.#worker = new Worker(workerScript, { workerData: { serverEntry } satisfies RenderWorkerData });
		// A helper of the service's: only the service's own servers keep the process running.
		this.#worker.unref();
		this.#worker.on("message", (reply: RenderReply) => {
			const pending = this.#pending.get(reply.id);
			if (!pending) return;
			this.#pending.delete(reply.id);
			if (reply.ok) pending.resolve(reply);
			else pending.reject(new Error(reply.error));
			if (this.#retired && this.#pending.size === 0) this.#end();
		});
		this.#worker.on("error", (error) => this.#stop(error));
		this.exited = new Promise((resolve) =>
			this.#worker.once("exit", () => {
				this.#stop(new Error("the build's render thread stopped"));
				resolve();
			}),
		);
	}

	/**
	 * Renders `request` with the build's handler, which gets `locals` (structured-cloned: plain data only).
	 * Ask in the same turn as the renderer was got from {@link LiveRenderer.for}: a retired one may end meanwhile.
	 */
	render(request: RenderRequest, locals: App.Locals): Promise<RenderedPage> {
		if (this.#failure) return Promise.reject(this.#failure);
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			// Throws at once for locals that cannot be cloned: then nothing is pending.
			this.#worker.postMessage({ id, request, locals } satisfies RenderWorkerRequest);
			this.#pending.set(id, { resolve, reject });
		});
	}

	/** A newer build is live: the thread ends as soon as no render of its own is in progress. */
	retire(): void {
		this.#retired = true;
		if (this.#pending.size === 0) this.#end();
	}

	#end(): void {
		this.#failure ??= new Error("the build's render thread has ended: a newer build is live");
		void this.#worker.terminate();
	}

	#stop(error: Error): void {
		this.#failure ??= error;
		for (const { reject } of this.#pending.values()) reject(this.#failure);
		this.#pending.clear();
		if (!this.#retired) this.retire();
	}

	get failed(): boolean {
		return this.#failure !== undefined;
	}
}

/** The live build's renderer, started on demand and replaced when another build goes live. */
export class LiveRenderer {
	#current: { buildId: string; renderer: BuildRenderer } | undefined;
	/** Every thread not yet exited, the retired ones finishing their renders included. */
	readonly #running = new Set<BuildRenderer>();

	/** The renderer of build `buildId`, started if it is not running (or its thread failed). */
	for(build: { id: string; serverEntry: string }): BuildRenderer {
		if (this.#current?.buildId !== build.id || this.#current.renderer.failed) {
			this.retire();
			const renderer = new BuildRenderer(build.serverEntry);
			this.#running.add(renderer);
			void renderer.exited.then(() => this.#running.delete(renderer));
			this.#current = { buildId: build.id, renderer };
		}
		return this.#current.renderer;
	}

	/** Another build went live: the current thread ends once its renders are done; the next render starts the new build's. */
	retire(): void {
		this.#current?.renderer.retire();
		this.#current = undefined;
	}

	/** How many render threads run (for tests and measurements). */
	get threads(): number {
		return this.#running.size;
	}

	/** Ends every thread, after its renders in progress. */
	async close(): Promise<void> {
		this.retire();
		await Promise.all([...this.#running].map((renderer) => renderer.exited));
	}
}
