import { describe, expect, it } from "vitest";
import { syncContentModels } from "../scripts/lib/sync-models.mts";

describe("src/api/", () => {
	it("matches content-models/ (run `pnpm --filter @aide/cms sync-models` after changing a model)", () => {
		expect(syncContentModels({ check: true })).toEqual({ changed: [], orphans: [] });
	});
});
