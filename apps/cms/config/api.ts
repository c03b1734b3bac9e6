export default {
	rest: {
		defaultLimit: 25,
		// Builds read 250 documents a request: fewer round trips (packages/cms-client).
		maxLimit: 250,
		withCount: true,
		// Unknown query keys are an error, not silently ignored.
		strictParams: true,
	},
};
