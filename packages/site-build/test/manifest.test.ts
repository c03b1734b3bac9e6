// The build manifest: what a build says of its entry pages, set aside from the files readers can
// fetch, and read back only when it is whole. A real build (render and index processes) of a small
// synthetic snapshot.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSyntheticSnapshot } from "@aide/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveBuild, MANIFEST_FILE, pageFile, readBuildManifest, removeSite, SiteBuilder } from "../src/index.ts";

const work = mkdtempSync(join(tmpdir(), "aide-manifest-"));
const snapshot = join(work, "snapshot.json");
writeSyntheticSnapshot(snapshot, 3);
const dist = join(work, "dist");

beforeAll(async () => {
	const builder = new SiteBuilder({ ...process.env, AIDE_SNAPSHOT: snapshot });
	try {
		const outcome = await builder.build(dist);
		if (!outcome.ok) throw new Error(`the build failed: ${outcome.error}`);
	} finally {
		builder.stop();
	}
});
afterAll(() => {
	removeSite(dist);
	rmSync(work, { recursive: true, force: true });
});

describe("the build manifest", () => {
	it("lists each entry's slug, anchor, page and permalink page per locale, where the pages are", () => {
		const live = liveBuild(dist);
		if (!live) throw new Error("no live build");
		const read = readBuildManifest(live.buildDir);
		const page = (locale: string, n: number) => ({
			slug: `${locale}-question-${n}`,
			anchor: `q${n}`,
			page: `/${locale}/faq/${locale}-question-${n}/`,
			permalink: { id: `q${n}`, page: `/q/q${n}/` },
		});
		expect(read).toEqual({
			ok: true,
			manifest: {
				version: 2,
				entries: Object.fromEntries([0, 1, 2].map((n) => [`doc${n}`, { fr: page("fr", n), en: page("en", n) }])),
				media: [],
			},
		});
		for (const [locale, n] of [
			["fr", 0],
			["en", 2],
		] as const) {
			const { page: path, anchor } = page(locale, n);
			expect(readFileSync(join(live.staticDir, ...pageFile(path)), "utf8")).toContain(`<h1 id="${anchor}">`);
		}
		expect(readFileSync(join(live.staticDir, ...pageFile("/q/q1/")), "utf8")).toContain(`<a href="/en/faq/en-question-1/"`);
	});

	it("is beside the build's public files, not among them", () => {
		const live = liveBuild(dist);
		expect(live && existsSync(join(live.buildDir, MANIFEST_FILE))).toBe(true);
		expect(existsSync(join(dist, "build-manifest.json"))).toBe(false);
		expect(existsSync(join(dist, MANIFEST_FILE))).toBe(false);
	});

	it("is refused, saying why, when it is missing, not JSON, or not the shape this version writes", () => {
		const dir = join(work, "fake-build");
		const file = join(dir, MANIFEST_FILE);
		expect(readBuildManifest(dir)).toEqual({
			ok: false,
			reason: `the build has no manifest (${file}): it was made by an older version, or its site wrote none`,
		});
		mkdirSync(dir);
		writeFileSync(file, "{");
		expect(readBuildManifest(dir)).toMatchObject({
			ok: false,
			reason: expect.stringContaining(`the build's manifest ${file} cannot be read as JSON (`),
		});
		writeFileSync(
			file,
			JSON.stringify({
				version: 2,
				entries: { doc0: { fr: { slug: "x", anchor: "", page: "/fr/faq/x/", permalink: { id: "x", page: "/q/x/" } } } },
			}),
		);
		expect(readBuildManifest(dir)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(
				new RegExp(`^the build's manifest ${file} is not what this version writes at entries\\.doc0\\.fr\\.anchor: `),
			),
		});
		// A media file is copied by its name: a path would reach outside the store.
		writeFileSync(file, JSON.stringify({ version: 2, entries: {}, media: ["../../secrets-0123abcd.png"] }));
		expect(readBuildManifest(dir)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/ is not what this version writes at media\.0: a media file name such as shot-0123abcd\.png$/),
		});
		writeFileSync(file, JSON.stringify({ version: 1, entries: {} }));
		expect(readBuildManifest(dir)).toMatchObject({ ok: false, reason: expect.stringContaining("at version") });
	});
});
