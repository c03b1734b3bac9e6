#!/usr/bin/env node
// `npm run import -- <files or folders>` and `npm run export -- <folder>`: Hugo-style Markdown FAQ
// pages into and out of the CMS. See the README for the page format and the options.
// `npm run translations`: the translation worklist of the CMS's insights report, as CSV.
import { parseArgs } from "node:util";
import { targetFromEnv } from "./client.ts";
import { ImportError } from "./errors.ts";
import { runExport } from "./run-export.ts";
import { describeSummary, runImport } from "./run-import.ts";
import { runTranslations } from "./run-translations.ts";

const USAGE = `Usage:
  npm run import -- [--publish] [--dry-run] [--locale xx] <files or folders>
  npm run export -- <folder>
  npm run translations -- [--locale xx] [--out <file.csv>]

Environment: CMS_URL (default: the local CMS at CMS_HOST / CMS_PORT, http://127.0.0.1:1337), CMS_WRITE_TOKEN (default: the local CMS's import token).`;

async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	const { values, positionals } = parseArgs({
		args: rest,
		allowPositionals: true,
		options: {
			publish: { type: "boolean", default: false },
			"dry-run": { type: "boolean", default: false },
			locale: { type: "string" },
			out: { type: "string" },
			help: { type: "boolean", short: "h", default: false },
		},
	});
	if (command === "translations" && !values.help) {
		if (positionals.length > 0)
			throw new ImportError(
				`translations takes no file or folder (${positionals.join(" ")}); write the CSV to a file with --out <file.csv>.`,
			);
		const { csv, rows } = await runTranslations(targetFromEnv(), { locale: values.locale, out: values.out });
		if (values.out === undefined) process.stdout.write(csv);
		else console.log(`Wrote ${rows} row${rows === 1 ? "" : "s"} to ${values.out}.`);
		return 0;
	}
	if (values.help || (command !== "import" && command !== "export") || positionals.length === 0) {
		console.log(USAGE);
		return values.help ? 0 : 2;
	}
	const target = targetFromEnv();
	if (command === "export") {
		if (positionals.length !== 1) throw new ImportError("export takes one folder.");
		const files = await runExport(target, positionals[0] as string);
		console.log(`Exported ${files.length} file${files.length === 1 ? "" : "s"} to ${positionals[0]}.`);
		return 0;
	}
	const dryRun = values["dry-run"];
	const summary = await runImport(target, positionals, { locale: values.locale, publish: values.publish, dryRun, log: console.log });
	for (const warning of summary.warnings) console.warn(`warning: ${warning}`);
	for (const error of summary.errors) console.error(`error: ${error}`);
	console.log(describeSummary(summary, dryRun));
	return summary.errors.length > 0 ? 1 : 0;
}

// exitCode, not process.exit(): output still waiting for a slow reader of a pipe (a CI log, `| less`)
// would be cut off by exit(), and every refused page must be reported.
main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof ImportError) {
			console.error(`error: ${error.message}`);
			process.exitCode = 1;
			return;
		}
		if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
			console.error(`error: ${error.message}\n\n${USAGE}`);
			process.exitCode = 2;
			return;
		}
		throw error;
	},
);
