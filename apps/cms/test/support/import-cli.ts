// Runs the import / export CLI (packages/faq-import/src/cli.ts) as a person would, against a test CMS.
// Asynchronously: a blocked event loop would miss the CMS closing an idle kept-alive connection, and
// the test's next request would go out on it ("other side closed").
import { spawn } from "node:child_process";
import { join } from "node:path";
import { paths } from "@aide/config";

const cli = join(paths.root, "packages", "faq-import", "src", "cli.ts");

export interface CliRun {
	code: number | null;
	signal: NodeJS.Signals | null;
	out: string;
	err: string;
}

/** Runs `cli.ts <args>` in `cwd` with the given environment added to this process's own. */
export async function runImportCli(args: string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
	const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
	let out = "";
	let err = "";
	child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
		out += chunk;
	});
	child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
		err += chunk;
	});
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
		child.once("close", (exitCode, killedBy) => resolve([exitCode, killedBy])),
	);
	return { code, signal, out, err };
}
