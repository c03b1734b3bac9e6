import type { Reporter, TestModule } from "vitest/node";

/**
 * Ends a test run with one plain line, `N passed, N failed, N skipped`, that any CI can read
 * without knowing Vitest's own report.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
		const counts = { passed: 0, failed: 0, skipped: 0 };
		for (const module of modules) {
			let failedHere = 0;
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === "passed") counts.passed++;
				else if (state === "failed") failedHere++;
				else counts.skipped++;
			}
			// A file that failed outside its tests (a hook, an import) counts as one failure.
			counts.failed += failedHere > 0 ? failedHere : module.state() === "failed" ? 1 : 0;
		}
		counts.failed += errors.length;
		console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
	}
}
