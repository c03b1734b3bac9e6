// One step of the benchmark, in its own process so that its memory is its own: reads the whole
// published corpus from the CMS the way the site build does, and prints how long it took as JSON.
import { cmsUrl, fetchSiteContent, tokenFromEnv } from "@aide/cms-client";

const started = performance.now();
const content = await fetchSiteContent({ url: cmsUrl(), token: tokenFromEnv("CMS_TOKEN", "site") });
const entries = Object.values(content.locales).reduce((total, { entries }) => total + entries.length, 0);
console.log(JSON.stringify({ ms: performance.now() - started, entries }));
