import { expect } from "vitest";
import { ImportError } from "../../src/index.ts";

/** The message of the ImportError `action` throws; fails the test if it throws nothing or something else. */
export function errorOf(action: () => unknown): string {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(ImportError);
		return (error as Error).message;
	}
	throw new Error("expected an ImportError");
}
