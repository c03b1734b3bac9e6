// These markdown-it plugins ship no types of markdown-it 15's (DefinitelyTyped's are for markdown-it 14).
declare module "markdown-it-task-lists" {
	import type { PluginWithOptions } from "markdown-it";

	const taskLists: PluginWithOptions<{ enabled?: boolean; label?: boolean; labelAfter?: boolean }>;
	export default taskLists;
}

declare module "markdown-it-footnote" {
	import type { PluginSimple } from "markdown-it";

	const footnotes: PluginSimple;
	export default footnotes;
}
