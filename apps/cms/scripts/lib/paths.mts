import { fileURLToPath } from "node:url";

/** The Strapi app's folder (apps/cms), wherever the command was started from. */
export const appDir = fileURLToPath(new URL("../../", import.meta.url));
