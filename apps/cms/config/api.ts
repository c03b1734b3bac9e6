export default {
	rest: {
		defaultLimit: 25,
		maxLimit: 100,
		withCount: true,
		// Unknown query keys are an error, not silently ignored.
		strictParams: true,
	},
};
