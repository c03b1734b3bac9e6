// What a request can do to the servers of the site: the public site and the site service of `npm
// start` (in a process of their own, built from a snapshot: see support/serve-snapshot.ts) and `npm
// run preview`. No request may stop a process, and the site service tells nothing to a caller
// without the webhook's secret. Ends with a seeded fuzz run (AIDE_FUZZ_SEED replays one).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { removeSite } from "@aide/site-build";
import { WEBHOOK_SECRET_HEADER } from "@aide/site-link";
import { freePort } from "@aide/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileRequest, malformedBytes } from "./support/hostile-requests.ts";
import { rawRequest } from "./support/raw-http.ts";

const portalDir = fileURLToPath(new URL("../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "aide-hostile-"));
const secret = randomBytes(24).toString("base64url");
const serviceLog: string[] = [];
const children: ChildProcess[] = [];
const urls = { public: "", service: "", preview: "" };

/** Starts `node <script>` in apps/portal and resolves with the first line of its output that `ready` matches. */
function start(script: string[], env: Record<string, string>, ready: RegExp, lines: string[] = []): Promise<RegExpExecArray> {
	const { NODE_ENV: _test, VITEST: _vitest, ...inherited } = process.env;
	const child = spawn(process.execPath, script, { cwd: portalDir, env: { ...inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
	children.push(child);
	child.stderr?.on("data", (chunk: Buffer) => lines.push(chunk.toString()));
	return new Promise((resolve, reject) => {
		createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
			lines.push(line.replace(/^log /, ""));
			const match = ready.exec(line);
			if (match) resolve(match);
		});
		child.once("exit", (code) => reject(new Error(`${script.join(" ")} exited (${code}) before it was ready:\n${lines.join("\n")}`)));
	});
}

const alive = () => children.every((child) => child.exitCode === null && child.signalCode === null);
const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });

beforeAll(async () => {
	const [, ready] = await start(
		["test/support/serve-snapshot.ts", work],
		{ AIDE_WEBHOOK_SECRET: secret, AIDE_PREVIEW_SECRET: randomBytes(24).toString("base64url") },
		/^ready (.*)$/,
		serviceLog,
	);
	const started = JSON.parse(ready ?? "{}") as { publicUrl: string; serviceUrl: string };
	urls.public = started.publicUrl;
	urls.service = started.serviceUrl;
	const port = await freePort();
	await start(["src/preview.ts"], { AIDE_SITE_OUT_DIR: join(work, "dist"), PORT: String(port) }, /serving/);
	urls.preview = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
	await Promise.all(
		children.map(async (child) => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child.once("exit", resolve));
			child.kill("SIGTERM");
			await exited;
		}),
	);
	removeSite(join(work, "dist"));
	rmSync(work, { recursive: true, force: true });
});

const servers = ["public", "service", "preview"] as const;

describe("Range headers", () => {
	it.each(servers)("get 416, part or all of the file on the %s server, never a stopped process", async (server) => {
		const url = `${urls[server]}/en/`;
		const page = Buffer.from(await (await get(url)).arrayBuffer());
		const size = page.length;
		const answers: Array<[string, number, string | null, Buffer]> = [];
		for (const range of [
			"bytes=0-18446744073709551615",
			"bytes=10-5",
			"bytes=0-1,500-600",
			"bytes=-0",
			"garbage",
			"bytes=0-4",
			"bytes=-5",
		]) {
			// Each time on a new connection: a crash shows as the next request failing.
			const response = await get(url, { range, connection: "close" });
			answers.push([range, response.status, response.headers.get("content-range"), Buffer.from(await response.arrayBuffer())]);
		}
		expect(answers).toEqual([
			["bytes=0-18446744073709551615", 206, `bytes 0-${size - 1}/${size}`, page],
			["bytes=10-5", 416, `bytes */${size}`, Buffer.alloc(0)],
			// Several ranges: the whole file, as RFC 9110 allows (multipart answers are not worth their risk here).
			["bytes=0-1,500-600", 200, null, page],
			["bytes=-0", 416, `bytes */${size}`, Buffer.alloc(0)],
			["garbage", 200, null, page],
			["bytes=0-4", 206, `bytes 0-4/${size}`, page.subarray(0, 5)],
			["bytes=-5", 206, `bytes ${size - 5}-${size - 1}/${size}`, page.subarray(size - 5)],
		]);
		const after = await get(url);
		expect(after.status).toBe(200);
		expect(Buffer.from(await after.arrayBuffer())).toEqual(page);
		expect(alive()).toBe(true);
	});
});

describe("the site service, to a caller without the webhook's secret", () => {
	it("answers /status with 401 and no detail, and with the last build to one with it", async () => {
		for (const headers of [{}, { [WEBHOOK_SECRET_HEADER]: "wrong" }, { [WEBHOOK_SECRET_HEADER]: `${secret.slice(0, -1)}x` }]) {
			const response = await get(`${urls.service}/status`, headers);
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({ error: `Missing or wrong ${WEBHOOK_SECRET_HEADER} header.` });
		}
		const response = await get(`${urls.service}/status`, { [WEBHOOK_SECRET_HEADER]: secret });
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ live: true, last: { ok: true, number: 1 } });
	});

	it("logs the first refused rebuild call only (the others are counted: see log-throttle.test.ts)", async () => {
		for (let i = 0; i < 20; i++) {
			const response = await fetch(`${urls.service}/rebuild`, { method: "POST", headers: { [WEBHOOK_SECRET_HEADER]: `wrong ${i}` } });
			expect(response.status).toBe(401);
		}
		expect(serviceLog.filter((line) => line.startsWith("refused a rebuild call"))).toEqual([
			`refused a rebuild call from 127.0.0.1: missing or wrong ${WEBHOOK_SECRET_HEADER}.`,
		]);
	});

	it("answers 400 to a preview link with a malformed %-escape, and 400 to a path that is no URL path", async () => {
		const preview = await get(`${urls.service}/preview/%E0%A4%A/doc1/?status=draft&expires=1&signature=x`);
		expect(preview.status).toBe(400);
		expect(await preview.text()).toBe(
			"This preview link is not valid: its path has a malformed %-escape. Open the preview again from the CMS.\n",
		);
		for (const target of ["//", "\\\\", "*"]) {
			const answer = await rawRequest(urls.service, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
			expect(answer.status, target).toBe(target === "//" ? 404 : 400);
		}
		expect(alive()).toBe(true);
	});
});

describe("a seeded fuzz run", () => {
	const seed = Number(process.env.AIDE_FUZZ_SEED ?? 1412);

	it("of a few thousand hostile requests leaves every server answering, with no failure and no crash", async () => {
		const before = await (await get(`${urls.public}/en/`)).text();
		const unanswered: string[] = [];
		const eventStatuses = new Set<number | undefined>();
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...servers),
				fc.oneof({ weight: 5, arbitrary: hostileRequest }, malformedBytes),
				async (server, request) => {
					const answer = await rawRequest(urls[server], request.bytes);
					if (!answer.settled) unanswered.push(`${server}: ${request.what}`);
					if (server === "public" && request.what.startsWith('POST "/aide/events"')) eventStatuses.add(answer.status);
					// A 500 is a handler that failed: the guard kept the process up, but it is a bug all the same.
					expect(answer.status, `${server}: ${request.what}`).not.toBe(500);
				},
			),
			{ seed, numRuns: 3_000, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true },
		);
		expect(unanswered).toEqual([]);
		// The events route was reached, and took some events and refused others.
		expect([204, 400, 403].filter((status) => eventStatuses.has(status))).toEqual([204, 400, 403]);
		expect(alive()).toBe(true);
		expect(serviceLog.filter((line) => line.includes("failed on"))).toEqual([]);

		// Both servers still serve correctly, and the webhook still works with its secret.
		for (const server of servers) {
			const response = await get(`${urls[server]}/en/`);
			expect(response.status, server).toBe(200);
			expect(await response.text(), server).toBe(before);
		}
		const rebuild = await fetch(`${urls.service}/rebuild`, {
			method: "POST",
			headers: { [WEBHOOK_SECRET_HEADER]: secret, "content-type": "application/json" },
			body: JSON.stringify({ event: "entry.publish", uid: "api::faq-entry.faq-entry" }),
		});
		expect(rebuild.status).toBe(202);
		expect(alive()).toBe(true);
		expect(serviceLog.filter((line) => line.startsWith("refused a rebuild call"))).toHaveLength(1);
	}, 240_000);
});

describe("a file removed under the servers", () => {
	it("fails that one request, and the servers go on", async () => {
		// The last test: a page of the live build goes away, as when old builds are pruned under a slow reader
		// (with its compressed copies: whichever form a request gets is gone).
		for (const name of ["index.html", "index.html.br", "index.html.gz"]) rmSync(join(work, "dist", "en", "faq", "en-question-3", name));
		for (const server of servers) {
			await expect(
				get(`${urls[server]}/en/faq/en-question-3/`).then((response) => response.text()),
				server,
			).rejects.toThrow();
			expect((await get(`${urls[server]}/en/`)).status, server).toBe(200);
		}
		expect(alive()).toBe(true);
		expect(serviceLog.filter((line) => line.startsWith("could not read the file for"))).toHaveLength(2);
	});
});
