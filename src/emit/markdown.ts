import type { Transcript } from "../model/transcript.js";
import { renderBody } from "./body.js";
import { frontMatter, pageData } from "./front-matter.js";

/** Transcript -> the Markdown page Eleventy renders: front-matter, then one HTML block per section. */
export function emitMarkdown(t: Transcript, file: string): string {
  return `${frontMatter(pageData(t, file))}\n${renderBody(t)}`;
}
