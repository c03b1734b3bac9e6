export { type Heading, type RenderedMarkdown, renderMarkdown, sanitizeSchema } from "./render.ts";
