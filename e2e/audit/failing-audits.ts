// What to print under a Lighthouse score that is too low: the audits that cost it points.
import type { Result } from "lighthouse";

type Audit = Result["audits"][string];

const shown = (audit: Audit | undefined): audit is Audit =>
	audit !== undefined && audit.score !== null && !["informative", "notApplicable", "manual"].includes(audit.scoreDisplayMode);

/**
 * The titles (and measured values) of the weighted audits of category `id` that fail (under 0.9, as
 * Lighthouse colours them), else of those short of full marks; then of its unweighted audits that
 * fail, which for Performance are the insights that say what to change.
 */
export function failingAudits(lhr: Result, id: string): string[] {
	const refs = lhr.categories[id]?.auditRefs ?? [];
	const weighted = refs.filter((ref) => ref.weight > 0).map((ref) => lhr.audits[ref.id]);
	const short = weighted.filter(shown).filter((audit) => (audit.score ?? 1) < 1);
	const failing = short.some((audit) => (audit.score ?? 1) < 0.9) ? short.filter((audit) => (audit.score ?? 1) < 0.9) : short;
	const unweighted = refs
		.filter((ref) => ref.weight === 0)
		.map((ref) => lhr.audits[ref.id])
		.filter(shown)
		.filter((audit) => (audit.score ?? 1) < 0.9);
	return [...failing, ...unweighted].map((audit) => `${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
}
