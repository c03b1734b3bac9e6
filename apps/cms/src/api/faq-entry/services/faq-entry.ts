// Generated from content-models/faq-entry.json by `pnpm --filter @aide/cms sync-models`. Edit the model, not this file.
import { factories } from "@strapi/strapi";

export default factories.createCoreService("api::faq-entry.faq-entry");
