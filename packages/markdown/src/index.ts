export { type ImageAttributes, imageSources, rewriteImages } from "./images.ts";
export { type Heading, type RenderedMarkdown, renderMarkdown, sanitizeSchema } from "./render.ts";
