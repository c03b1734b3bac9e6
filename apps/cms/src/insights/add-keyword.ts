// `POST /aide/insights/keyword`: a query readers searched in vain becomes a keyword of an existing answer.
// Keywords are one text field per locale, joined by ", " as the import writes them (`<!-- keywords: a, b -->`)
// and as the site indexes them (hidden, weighted text). Only the draft changes: publishing, which
// rebuilds the site, stays the editor's decision.
import { ENTRY_UID, type KeywordRequest, type KeywordResponse } from "@aide/cms-contract";
import { localeCodes } from "@aide/locales";
import type { Core } from "@strapi/strapi";
import { assertMayEditKeywords, entryPermissions, type UserAbility, updateCheckPopulate } from "./entry-permissions";
import { badRequest, InsightRequestError } from "./request-error";

const SEPARATOR = ", ";

/** Spaces collapsed and trimmed, in Unicode's composed form: how keywords are compared and stored. */
const tidy = (text: string) => text.normalize("NFC").replace(/\s+/gu, " ").trim();

const field = (body: Record<string, unknown>, name: keyof KeywordRequest): string => {
	const value = body[name];
	if (typeof value !== "string" || tidy(value) === "") {
		throw badRequest(
			`The request needs ${name} as a non-empty string, as in {"documentId": "…", "locale": "fr", "keyword": "mot de passe"}.`,
		);
	}
	return tidy(value);
};

/** Reads and checks a {@link KeywordRequest}. */
export function parseKeywordRequest(body: unknown): KeywordRequest {
	if (!body || typeof body !== "object" || Array.isArray(body)) {
		throw badRequest('Send a JSON object: {"documentId": "…", "locale": "fr", "keyword": "mot de passe"}.');
	}
	const request = {
		documentId: field(body as Record<string, unknown>, "documentId"),
		locale: field(body as Record<string, unknown>, "locale"),
	};
	const keyword = field(body as Record<string, unknown>, "keyword");
	if (!localeCodes.includes(request.locale)) {
		throw badRequest(`The locale "${request.locale}" is not one of this help center's locales (${localeCodes.join(", ")}).`);
	}
	if (keyword.includes(",")) {
		throw badRequest(`The keyword "${keyword}" holds a comma, which separates keywords: add its parts one at a time.`);
	}
	// The export writes keywords inside an HTML comment, which this would end early.
	if (keyword.includes("-->")) throw badRequest(`The keyword "${keyword}" holds "-->", which keywords may not hold: leave it out.`);
	return { ...request, keyword };
}

interface Documents {
	findOne(params: object): Promise<{ keywords?: string | null } | null>;
	update(params: object): Promise<unknown>;
}

/** The keywords field's length limit, as the content model declares it. */
function keywordsMaxLength(strapi: Core.Strapi): number {
	const attribute = strapi.contentType(ENTRY_UID as never).attributes.keywords as { maxLength?: number } | undefined;
	return attribute?.maxLength ?? Number.POSITIVE_INFINITY;
}

/**
 * Adds the keyword to the draft of the entry in that locale, unless it is already one of its keywords (case aside),
 * if the caller may edit that draft's keywords in the content manager.
 */
export async function addKeyword(
	strapi: Core.Strapi,
	{ documentId, locale, keyword }: KeywordRequest,
	userAbility: UserAbility,
): Promise<KeywordResponse> {
	const documents = strapi.documents(ENTRY_UID as never) as unknown as Documents;
	const permissions = entryPermissions(strapi, userAbility);
	const populate = await updateCheckPopulate(strapi, permissions);
	return strapi.db.transaction(async () => {
		const draft = await documents.findOne({ documentId, locale, status: "draft", fields: ["keywords", "locale"], populate });
		if (!draft) {
			const other = await strapi.db.query(ENTRY_UID as never).findOne({ where: { documentId }, select: ["locale"] });
			throw new InsightRequestError(
				404,
				"NotFoundError",
				other
					? `FAQ entry "${documentId}" has no ${locale} version to add the keyword to. Create its ${locale} translation in the content manager first, or add the keyword in a locale it has.`
					: `There is no FAQ entry with documentId "${documentId}". Take the documentId from the insights report or the content manager.`,
			);
		}
		assertMayEditKeywords(permissions, draft, documentId, locale);
		const existing = tidy(draft.keywords ?? "").replace(/[\s,]+$/u, "");
		const known = existing.split(",").map((word) => tidy(word).toLocaleLowerCase(locale));
		if (known.includes(keyword.toLocaleLowerCase(locale))) return { documentId, locale, keywords: draft.keywords ?? "", added: false };

		const keywords = existing === "" ? keyword : `${existing}${SEPARATOR}${keyword}`;
		const maxLength = keywordsMaxLength(strapi);
		if (keywords.length > maxLength) {
			throw new InsightRequestError(
				422,
				"KeywordsTooLongError",
				`Adding "${keyword}" would make the ${locale} keywords of FAQ entry "${documentId}" ${keywords.length} characters long; the field holds at most ${maxLength}. Remove keywords that no longer help in the content manager, then add it again.`,
			);
		}
		await documents.update({ documentId, locale, data: { keywords } });
		return { documentId, locale, keywords, added: true };
	});
}
