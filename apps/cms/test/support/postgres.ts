// A throwaway PostgreSQL server for tests: its own data folder, on a free loopback port, removed
// afterwards. Uses the machine's initdb / pg_ctl; as root they run as the `postgres` user, since
// PostgreSQL refuses to run as root.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { freePort } from "@aide/testing";

export interface RunningPostgres {
	readonly url: string;
	/** Runs one SQL statement with psql (in the database `aide`, or `database`) and returns its unaligned, tuples-only output. */
	query(sql: string, database?: string): string;
	stop(): Promise<void>;
}

export function findBin(name: string): string {
	const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/sbin", "/sbin"];
	for (const dir of dirs) if (dir && existsSync(join(dir, name))) return join(dir, name);
	const root = "/usr/lib/postgresql";
	const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	for (const version of versions) if (existsSync(join(root, version, "bin", name))) return join(root, version, "bin", name);
	throw new Error(`${name} was not found on PATH, in /usr/sbin or in ${root}/*/bin. Install PostgreSQL: apt-get install postgresql`);
}

export async function startPostgres(): Promise<RunningPostgres> {
	const dir = mkdtempSync(join(tmpdir(), "aide-pg-"));
	const asRoot = process.getuid?.() === 0;
	const run = (bin: string, args: string[]) => {
		const [command, argv] = asRoot ? [findBin("runuser"), ["-u", "postgres", "--", findBin(bin), ...args]] : [findBin(bin), args];
		return execFileSync(command, argv, { cwd: dir, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
	};
	if (asRoot) {
		const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
		const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
		chownSync(dir, uid, gid);
	}
	const password = `pw-${process.pid}-${Date.now()}`;
	const pwfile = join(dir, "pwfile");
	writeFileSync(pwfile, password);
	if (asRoot) chownSync(pwfile, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), 0);

	const port = await freePort();
	const data = join(dir, "data");
	run("initdb", ["-D", data, "-U", "aide", `--pwfile=${pwfile}`, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"]);
	run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-w", "-o", `-h 127.0.0.1 -p ${port} -k ${dir}`, "start"]);
	execFileSync(findBin("createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "aide", "aide"], {
		env: { ...process.env, PGPASSWORD: password },
	});
	return {
		url: `postgres://aide:${password}@127.0.0.1:${port}/aide`,
		query: (sql, database = "aide") =>
			execFileSync(findBin("psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "aide", "-d", database, "-At", "-c", sql], {
				env: { ...process.env, PGPASSWORD: password },
				encoding: "utf8",
			}).trim(),
		async stop() {
			try {
				run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		},
	};
}
