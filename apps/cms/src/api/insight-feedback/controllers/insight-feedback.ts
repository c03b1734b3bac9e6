// Generated from content-models/insight-feedback.json by `pnpm --filter @aide/cms sync-models`. Edit the model, not this file.
import { factories } from "@strapi/strapi";

export default factories.createCoreController("api::insight-feedback.insight-feedback");
