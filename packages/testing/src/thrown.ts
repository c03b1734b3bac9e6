/**
 * The message of the error `action` throws, which must be an instance of `kind`: tests compare the
 * messages people read. Throws (failing the test) when it throws nothing or another kind of error.
 */
export function messageOf(action: () => unknown, kind: abstract new (...args: never[]) => Error): string {
	try {
		action();
	} catch (error) {
		if (error instanceof kind) return error.message;
		throw new Error(`expected a ${kind.name}, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
	}
	throw new Error(`expected a ${kind.name}, but nothing was thrown`);
}
