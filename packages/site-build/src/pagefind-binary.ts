// Where the Pagefind binary the site build runs lives, for tools that run Pagefind's own command line
// on another site (`npm run bench -- --compare hugo`): asked of the Pagefind package itself, with the
// same resolver and the same binary names its Node API uses, so that both run one and the same binary.
interface PagefindResolver {
	resolveBinaryPath(execnames: readonly string[]): string;
}

/** The path of the Pagefind binary behind `pagefind`'s Node API (its `--service` process). */
export async function pagefindBinary(): Promise<string> {
	// The package exports only its API; its resolver sits next to it (lib/index.js, lib/resolveBinary.js).
	const resolver = new URL("./resolveBinary.js", import.meta.resolve("pagefind"));
	const { resolveBinaryPath } = (await import(resolver.href)) as PagefindResolver;
	// The names and order lib/service.js spawns with.
	return resolveBinaryPath(["pagefind_extended", "pagefind"]);
}
