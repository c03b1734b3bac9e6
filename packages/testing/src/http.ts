/** A JSON request to the CMS; returns the status and the parsed body (or the text when it is not JSON). */
/** Response bodies are whatever the CMS sent: tests assert on their shape, so they are typed loosely. */
export async function request(
	url: string,
	{ token, method = "GET", body }: { token?: string; method?: string; body?: unknown } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
	const response = await fetch(url, {
		method,
		headers: {
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...(body === undefined ? {} : { "content-type": "application/json" }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// not JSON: keep the text
	}
	return { status: response.status, body: parsed, headers: response.headers };
}
