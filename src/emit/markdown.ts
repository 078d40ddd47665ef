import type { Transcript } from "../model/transcript.js";
import { renderBody, type BodyLinks } from "./body.js";
import { frontMatter, pageData, type PageData } from "./front-matter.js";

/** Where old ids and URLs of this transcript lead (from the id ledger); none on a first build. */
export interface EmitLinks extends BodyLinks {
  redirects: PageData["redirects"];
}

/** Transcript -> the Markdown page Eleventy renders: front-matter, then one HTML block per section. */
export function emitMarkdown(t: Transcript, file: string, links?: EmitLinks): string {
  return `${frontMatter(pageData(t, file, links?.redirects ?? []))}\n${renderBody(t, links)}`;
}
