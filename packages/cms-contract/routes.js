// The CMS's own routes behind `npm run import` / `npm run export` (admin authentication), as the CMS
// registers them (a prefix and a path each) and as the import calls them (prefix + path).
export const AIDE_ROUTES = Object.freeze({ prefix: "/aide", import: "/import", export: "/export" });
