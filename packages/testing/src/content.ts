import { ENTRY_UID as ENTRY } from "@aide/cms-contract";
import { request } from "./http.ts";

/** Creates an FAQ entry draft in a locale through the admin's content-manager API, as an editor would. */
export async function createEntryDraft(
	cmsUrl: string,
	adminToken: string,
	data: { question: string; slug: string; answer: string },
	locale = "fr",
	documentId?: string,
): Promise<{ documentId: string; status: number; body: any }> {
	const path = documentId
		? `/content-manager/collection-types/${ENTRY}/${documentId}?locale=${locale}`
		: `/content-manager/collection-types/${ENTRY}?locale=${locale}`;
	const response = await request(`${cmsUrl}${path}`, { token: adminToken, method: documentId ? "PUT" : "POST", body: data });
	return { documentId: response.body?.data?.documentId, status: response.status, body: response.body };
}

/** Publishes one locale of an entry through the content-manager API. */
export async function publishEntry(cmsUrl: string, adminToken: string, documentId: string, locale = "fr") {
	return request(`${cmsUrl}/content-manager/collection-types/${ENTRY}/${documentId}/actions/publish?locale=${locale}`, {
		token: adminToken,
		method: "POST",
		body: {},
	});
}
