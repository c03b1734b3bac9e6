// Builds the CMS once before the integration tests start their own CMS processes, so that parallel
// test files never race to build it.
import { ensureBuild } from "../scripts/lib/build.mts";
import { syncContentModels } from "../scripts/lib/sync-models.mts";

export default function setup(): void {
	syncContentModels();
	ensureBuild();
}
