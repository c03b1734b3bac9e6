// Generated from content-models/insight-search.json by `pnpm --filter @aide/cms sync-models`. Edit the model, not this file.
import { factories } from "@strapi/strapi";

export default factories.createCoreService("api::insight-search.insight-search");
