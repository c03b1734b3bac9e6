import type { InsightErrorResponse } from "@aide/cms-contract";

type Refusal = InsightErrorResponse["error"];

/** A request the insights routes refuse; its message names what is wrong and what to do, and goes to the caller as is. */
export class InsightRequestError extends Error {
	readonly status: Refusal["status"];
	readonly errorName: Refusal["name"];

	constructor(status: Refusal["status"], errorName: Refusal["name"], message: string) {
		super(message);
		this.name = "InsightRequestError";
		this.status = status;
		this.errorName = errorName;
	}

	/** The response body, in the shape of the CMS's other refusals. */
	body(): InsightErrorResponse {
		return { error: { status: this.status, name: this.errorName, message: this.message } };
	}
}

export const badRequest = (message: string) => new InsightRequestError(400, "ValidationError", message);
