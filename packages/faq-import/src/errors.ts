/** A problem with the input or the CMS. Its message names the file and line, or the entry and locale, and says what to do. */
export class ImportError extends Error {
	override name = "ImportError";
}
