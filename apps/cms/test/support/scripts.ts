// Runs one of the CMS's command scripts (`npm run backup`, `npm run restore`) as npm does, without
// blocking the test process, and returns its exit code and output.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const appDir = fileURLToPath(new URL("../../", import.meta.url));

export function runScript(
	name: "backup" | "restore",
	args: string[],
	env: Record<string, string | undefined>,
): Promise<{ code: number | null; out: string; err: string }> {
	const child = spawn(process.execPath, ["--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", `scripts/${name}.mts`, ...args], {
		cwd: appDir,
		// Port 1: never a CMS, so that a restore does not see one the developer runs on 1337.
		env: { ...process.env, CMS_PORT: "1", ...env },
	});
	let out = "";
	let err = "";
	child.stdout.on("data", (chunk) => {
		out += chunk;
	});
	child.stderr.on("data", (chunk) => {
		err += chunk;
	});
	return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out, err })));
}
