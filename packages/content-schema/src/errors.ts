/** A problem in a `content-models/` file: the message names the file and, where it can, the line and field. */
export class ContentModelError extends Error {
	override name = "ContentModelError";
	readonly file: string;

	constructor(file: string, message: string, options?: ErrorOptions) {
		super(`${file}: ${message}`, options);
		this.file = file;
	}
}
