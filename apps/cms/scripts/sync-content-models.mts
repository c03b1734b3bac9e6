// `pnpm --filter @aide/cms sync-models [--check]`: puts content-models/ into src/api/.
// With --check it changes nothing and exits 1 when src/api/ has drifted from the models.
import { parseArgs } from "node:util";
import { ContentModelError } from "@aide/content-schema";
import { syncContentModels } from "./lib/sync-models.mts";

const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
try {
	const report = syncContentModels({ check: values.check });
	for (const orphan of report.orphans) console.warn(`src/api/${orphan} matches no file of content-models/: delete it or add its model.`);
	if (values.check && report.changed.length > 0) {
		console.error(`src/api/ differs from content-models/ in: ${report.changed.join(", ")}. Run \`pnpm --filter @aide/cms sync-models\`.`);
		process.exit(1);
	}
	console.log(report.changed.length > 0 ? `Updated: ${report.changed.join(", ")}` : "src/api/ matches content-models/.");
} catch (error) {
	if (!(error instanceof ContentModelError)) throw error;
	console.error(error.message);
	process.exit(1);
}
