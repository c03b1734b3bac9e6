export type Env = Record<string, string | undefined>;

/** A wrong or missing setting. Its message is meant for the person starting the program, as is. */
export declare class ConfigError extends Error {}

/** Where the workspace's programs live. Paths to run or to build, never to import from. */
export declare const paths: {
	/** The workspace's root folder, with a trailing separator. */
	readonly root: string;
	/** The Strapi app (apps/cms). */
	readonly cms: string;
	/** The Astro project (apps/site). */
	readonly site: string;
	/** `npm start`'s app (apps/portal). */
	readonly portal: string;
};

/** The ports used when none is set. */
export declare const DEFAULT_PORTS: { readonly site: number; readonly siteService: number; readonly cms: number };

export interface Address {
	host: string;
	port: number;
}

/** A variable's value with surrounding spaces removed; undefined when unset or blank. */
export declare function text(env: Env, name: string): string | undefined;
export declare function readPort(env: Env, name: string, fallback: number): number;
export declare function readWholeNumber(
	env: Env,
	name: string,
	limits: { fallback: number; min?: number; max: number; means: string },
): number;
/** An http(s) URL without its trailing slash. `value` is the variable's value, or one item of a list. */
export declare function readUrl(value: string | undefined, name: string): string | undefined;
/** true / 1 / yes / on, false / 0 / no / off (any case); undefined when unset. */
export declare function readBool(env: Env, name: string): boolean | undefined;

/** The URL at which a program on this machine reaches an address (wildcards on loopback, IPv6 in brackets). */
export declare function localUrl(address: Address): string;
/** The public site's address: HOST / PORT. */
export declare function siteAddress(env: Env): Address;
/** The CMS's own address: CMS_HOST / CMS_PORT. */
export declare function cmsAddress(env: Env): Address;
/** How other programs reach the CMS: CMS_URL, else the local CMS at CMS_HOST / CMS_PORT. */
export declare function cmsUrl(env: Env): string;
/** The public site's absolute URL (canonical links, hreflang, sitemap): SITE_URL, else the local site at HOST / PORT. */
export declare function siteUrl(env: Env): string;
/** AIDE_INSIGHTS_URL: where the built site sends reader insights (a same-origin path or an absolute http(s) URL); undefined: no widget. */
export declare function insightsUrl(env: Env): string | undefined;
/** The site service of `npm start`: AIDE_SITE_SERVICE_URL. */
export declare function siteServiceUrl(env: Env): string;
/** The path readers are served from (a link to the live build): AIDE_SITE_OUT_DIR, else apps/site/dist. */
export declare function siteOutDir(env: Env): string;
/** The media files site builds copied from the CMS, named by a hash of their bytes: apps/site/.media. */
export declare function mediaStoreDir(): string;

/** The local CMS's data folder: AIDE_DATA_DIR, else apps/cms/.data. */
export declare function dataDir(env: Env): string;
/** The files the CMS keeps in its data folder. */
export declare function dataFiles(dir: string): {
	secrets: string;
	adminCredentials: string;
	tokens: { site: string; import: string; preview: string; insights: string };
};

export declare const SECRET_NAMES: readonly [
	"APP_KEYS",
	"ADMIN_JWT_SECRET",
	"API_TOKEN_SALT",
	"JWT_SECRET",
	"ENCRYPTION_KEY",
	"AIDE_WEBHOOK_SECRET",
	"AIDE_PREVIEW_SECRET",
];
export type SecretName = (typeof SECRET_NAMES)[number];
export declare const MIN_SECRET_LENGTH: number;
/** Checks a secret's value: set, not a published placeholder, long enough. */
export declare function checkSecret(name: string, value: string | undefined, secretsFile: string): string;
/** The named secrets, each from the environment first, then from `secretsFile`; checked. */
export declare function readSecrets<Name extends string>(env: Env, secretsFile: string, names: readonly Name[]): Record<Name, string>;
/** The secrets the CMS shares with the site service (rebuild calls, preview links), from the environment, then the data folder. */
export declare function sharedSecrets(env: Env, dataDir: string): { webhook: string; preview: string };
/** Generates the secrets set neither in the environment nor in `file` into `file` (mode 0600); returns their names. */
export declare function ensureSecrets(file: string, env: Env): string[];

/** Where backups go, and the nightly backup of `npm start`: when ("HH:MM", or null for never) and how many to keep. */
export declare function readBackups(env: Env): { dir: string; at: string | null; keep: number };
/** The V8 heap limit of the site's render process, in megabytes: AIDE_BUILD_HEAP_MB, default 768. */
export declare function buildHeapMb(env: Env): number;
/** The first admin's email when AIDE_ADMIN_EMAIL is not set. */
export declare const DEFAULT_ADMIN_EMAIL: string;
/** Whether the CMS loads the demo content into an empty database: AIDE_DEMO_CONTENT, default true. */
export declare function demoContent(env: Env): boolean;
