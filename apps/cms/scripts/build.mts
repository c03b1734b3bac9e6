// `pnpm --filter @aide/cms build`: compiles the CMS and builds its admin panel, when their inputs changed.
import { ensureBuild } from "./lib/build.mts";
import { syncContentModels } from "./lib/sync-models.mts";

syncContentModels();
ensureBuild();
