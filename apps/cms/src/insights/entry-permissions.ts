// What the caller may do with FAQ entries, decided by the content manager's own permission checker, so the
// insights routes grant exactly what the content manager would: the role's conditions (Strapi's "Is creator"),
// its locales (the i18n plugin turns them into a condition on `locale`) and its fields.
import { ENTRY_UID } from "@aide/cms-contract";
import { localeCodes } from "@aide/locales";
import type { Core } from "@strapi/strapi";
import { InsightRequestError } from "./request-error";

type Check = (entity?: object, field?: string) => boolean;

interface PermissionChecker {
	can: { read: Check; update: Check };
	cannot: { read: Check; update: Check };
	/** The permission filters of an update, which name the relations the conditions test (`createdBy` for "Is creator"). */
	sanitizedQuery: { update(query: object): Promise<object> };
}

/** What a caller's permissions are, as the admin authentication leaves them in `ctx.state` (signed-in admin or admin API token). */
export type UserAbility = unknown;

const forbidden = (message: string) => new InsightRequestError(403, "ForbiddenError", message);

/** The content manager's permission checker for FAQ entries, for this caller. */
export function entryPermissions(strapi: Core.Strapi, userAbility: UserAbility): PermissionChecker {
	const service = strapi.plugin("content-manager").service("permission-checker") as {
		create(options: { userAbility: UserAbility; model: string }): PermissionChecker;
	};
	return service.create({ userAbility, model: ENTRY_UID });
}

/**
 * An entry of `locale` about which nothing else is known: a permission matches it only when its one condition is
 * the locale, so a role limited to entries it created (or any other condition) reads some entries, not all.
 */
const anyEntryIn = (locale: string) => ({ locale });

/**
 * Refuses the report to callers who may not read every FAQ entry in `locale`: it shows reader comments
 * about every answer and the worklist of every entry, which a role limited to its own entries may not see.
 */
export function assertMayReadReport(checker: PermissionChecker, locale: string): void {
	if (checker.can.read(anyEntryIn(locale))) return;
	const readable = localeCodes.filter((code) => checker.can.read(anyEntryIn(code)));
	if (readable.length > 0) {
		throw forbidden(
			`Your role may not read the ${locale} FAQ entries, so it may not read their insights. Ask for a locale it may read (?locale=${readable[0]}: ${readable.join(", ")}), or ask an administrator to give your role the ${locale} locale.`,
		);
	}
	throw forbidden(
		"Your role may read only some FAQ entries (those it created, for one), and the insights report shows reader feedback on every entry. Ask an administrator for read access to all FAQ entries (no condition), as the Support editor role has.",
	);
}

/** What to populate on an entry so that `checker` can test its conditions: the content manager's own populate for an update. */
export async function updateCheckPopulate(strapi: Core.Strapi, checker: PermissionChecker): Promise<object | undefined> {
	const builder = strapi.plugin("content-manager").service("populate-builder") as (uid: string) => {
		populateFromQuery(query: object): { build(): Promise<object | undefined> };
	};
	return builder(ENTRY_UID)
		.populateFromQuery(await checker.sanitizedQuery.update({}))
		.build();
}

/** Refuses the keyword unless the caller may update this version of the entry (its creator, its locale) and its keywords field. */
export function assertMayEditKeywords(checker: PermissionChecker, draft: object, documentId: string, locale: string): void {
	if (checker.cannot.update(draft)) {
		throw forbidden(
			`Your role may not edit the ${locale} version of FAQ entry "${documentId}" (its permissions leave out that locale, or entries other people created), so it may not add keywords to it. Ask an editor who may, or an administrator.`,
		);
	}
	if (checker.cannot.update(draft, "keywords")) {
		throw forbidden(
			`Your role may edit the ${locale} version of FAQ entry "${documentId}" but not its keywords field. Ask an editor who may, or an administrator to add the keywords field to your role's update permission.`,
		);
	}
}
