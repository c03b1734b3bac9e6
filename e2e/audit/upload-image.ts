// Uploads an image into the CMS's media library as the admin panel does (POST /upload with an
// admin's token), and returns the URL the Markdown editor would insert: `/uploads/<name>`.
// A stand-in until @aide/testing's uploadImage (branch `images`) is merged; then use that one.

/** Uploads `png` as `name` with its alternative text; returns its URL relative to the CMS. */
export async function uploadImage(cmsUrl: string, adminToken: string, file: { name: string; png: Buffer; alt: string }): Promise<string> {
	const form = new FormData();
	form.append("files", new Blob([new Uint8Array(file.png)], { type: "image/png" }), file.name);
	form.append("fileInfo", JSON.stringify({ name: file.name, alternativeText: file.alt }));
	const response = await fetch(`${cmsUrl}/upload`, { method: "POST", headers: { authorization: `Bearer ${adminToken}` }, body: form });
	const body: unknown = await response.json().catch(() => undefined);
	const uploaded = Array.isArray(body) ? (body[0] as { url?: unknown } | undefined) : undefined;
	if (!response.ok || typeof uploaded?.url !== "string") {
		throw new Error(
			`Uploading ${file.name} to the CMS's media library (${cmsUrl}/upload) failed: ${response.status} ${JSON.stringify(body)}`,
		);
	}
	return uploaded.url;
}
