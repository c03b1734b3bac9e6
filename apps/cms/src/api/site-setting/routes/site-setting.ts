// Generated from content-models/site-setting.json by `pnpm --filter @aide/cms sync-models`. Edit the model, not this file.
import { factories } from "@strapi/strapi";

export default factories.createCoreRouter("api::site-setting.site-setting");
