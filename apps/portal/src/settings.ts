// The portal's one settings module (`npm start`, `npm run preview`), composed from the pieces every
// Aide program shares (@aide/config). HOST / PORT: the public site. CMS_HOST / CMS_PORT: the CMS it
// starts. AIDE_SITE_SERVICE_URL: the site service. AIDE_INSIGHTS_URL: where the built pages send reader
// insights (the portal's own /aide/events unless set), AIDE_INSIGHTS_FLUSH_SECONDS: how often the portal
// sends their counts to the CMS, AIDE_PROXY_HOPS: the reverse proxies in front of the public site (whose
// X-Forwarded-For names the reader whose events are rate-limited). A bad value stops the start with one line.
import { INSIGHT_ROUTES } from "@aide/cms-contract";
import {
	type Address,
	buildHeapMb,
	cmsAddress,
	cmsUrl,
	DEFAULT_ADMIN_EMAIL,
	dataDir,
	dataFiles,
	insightsUrl,
	readBackups,
	readUrl,
	readWholeNumber,
	siteAddress,
	siteOutDir,
	siteServiceUrl,
	siteUrl,
	text,
} from "@aide/config";

type Env = Record<string, string | undefined>;

export interface PortalSettings {
	/** The public site, what readers reach. */
	site: Address;
	/** The site service: rebuild calls from the CMS, draft previews. */
	service: Address;
	serviceUrl: string;
	/** The CMS this portal starts, and how the build reaches it. */
	cms: Address;
	cmsUrl: string;
	/** The CMS admin's origin, the only page allowed to frame previews (CMS_PUBLIC_URL behind a proxy). */
	cmsOrigin: string;
	dataDir: string;
	/** The live link readers are served from. */
	dist: string;
	/** When the nightly backup runs ("HH:MM", or null for never), where and how many are kept. */
	backups: { dir: string; at: string | null; keep: number };
	/** The first admin the CMS creates, for the ready message. */
	adminEmail: string;
	adminPasswordSet: boolean;
	adminCredentialsFile: string;
	/** Reader insights: what the builds send them to, and how the portal's events route flushes them into the CMS. */
	insights: {
		/** AIDE_INSIGHTS_URL as the builds get it: the operator's, else the portal's own events route. */
		url: string;
		flushSeconds: number;
		tokenFile: string;
		/** The site's public origin (SITE_URL's, else the local site's): its pages may send events. */
		siteOrigin: string;
		/** Reverse proxies in front of the public site: AIDE_PROXY_HOPS, default 0. */
		proxyHops: number;
	};
}

/** What the public server needs (`npm run preview`). */
export function readSiteSettings(env: Env): { site: Address; dist: string } {
	return { site: siteAddress(env), dist: siteOutDir(env) };
}

export function readPortalSettings(env: Env): PortalSettings {
	const serviceUrl = siteServiceUrl(env);
	const service = new URL(serviceUrl);
	const url = cmsUrl({ ...env, CMS_URL: undefined });
	const dir = dataDir(env);
	// Checked now, before any port opens; the build reads it from the environment it is given.
	buildHeapMb(env);
	return {
		...readSiteSettings(env),
		service: { host: service.hostname, port: Number(service.port || 80) },
		serviceUrl,
		cms: cmsAddress(env),
		cmsUrl: url,
		cmsOrigin: new URL(readUrl(env.CMS_PUBLIC_URL, "CMS_PUBLIC_URL") ?? url).origin,
		dataDir: dir,
		backups: readBackups(env),
		adminEmail: text(env, "AIDE_ADMIN_EMAIL") ?? DEFAULT_ADMIN_EMAIL,
		adminPasswordSet: Boolean(env.AIDE_ADMIN_PASSWORD),
		adminCredentialsFile: dataFiles(dir).adminCredentials,
		insights: {
			url: insightsUrl(env) ?? INSIGHT_ROUTES.events,
			flushSeconds: readWholeNumber(env, "AIDE_INSIGHTS_FLUSH_SECONDS", {
				fallback: 10,
				min: 1,
				max: 3_600,
				means: "how often the portal sends reader insights to the CMS, in seconds",
			}),
			tokenFile: dataFiles(dir).tokens.insights,
			siteOrigin: new URL(siteUrl(env)).origin,
			proxyHops: readWholeNumber(env, "AIDE_PROXY_HOPS", {
				fallback: 0,
				max: 10,
				means: "the number of reverse proxies in front of the public site (1 for one nginx or Caddy; 0 when readers reach it directly)",
			}),
		},
	};
}
