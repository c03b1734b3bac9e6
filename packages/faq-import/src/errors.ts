/** A problem with the input or the CMS. Its message names the file and line, or the entry and locale, and says what to do. */
export class ImportError extends Error {
	override name = "ImportError";
}

/** The CMS refused one page (for example an over-long question): that page is skipped, the run goes on. */
export class PageRejectedError extends ImportError {
	override name = "PageRejectedError";
}
