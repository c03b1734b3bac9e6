// The admin panel's customisation. Minimal here: French beside English, with Aide's field labels in both.
import { FIELD_LABELS } from "./field-labels";

export default {
	config: {
		locales: ["fr"],
		translations: FIELD_LABELS,
	},
	bootstrap() {},
};
