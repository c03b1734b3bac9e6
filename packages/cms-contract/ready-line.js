// The line the CMS's launcher (apps/cms/scripts/serve.mts) prints once it serves requests, demo
// content included: `npm start` and the test helpers wait for it (its /_health answers earlier).

export const CMS_READY_PREFIX = "aide: the CMS is ready:";

/** @type {import("./index.d.ts").cmsReadyLine} */
export function cmsReadyLine(url) {
	return `${CMS_READY_PREFIX} ${url.replace(/\/+$/, "")}/admin (Ctrl-C stops it)`;
}

/** @type {import("./index.d.ts").saysCmsIsReady} */
export function saysCmsIsReady(output) {
	return output.includes(CMS_READY_PREFIX);
}
