// Generated from content-models/insight-search.json by `pnpm --filter @aide/cms sync-models`. Edit the model, not this file.
import { factories } from "@strapi/strapi";

// Hidden from the content manager: the CMS's own data, with no REST route for any token or role.
export default factories.createCoreRouter("api::insight-search.insight-search", { only: [] });
