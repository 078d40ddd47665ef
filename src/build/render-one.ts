import yaml from "js-yaml";
import markdownIt from "markdown-it";
import type { SiteConfig } from "../config/site-config.js";
import { answerPages, answerUrl } from "../emit/answer-pages.js";
import { emitMarkdown, type EmitLinks } from "../emit/markdown.js";
import type { Transcript } from "../model/transcript.js";
import { newestFirst, type TranscriptItem } from "../site/collections.js";
import { transcriptJson } from "../site/data-json.js";
import { transcriptMarkdown } from "../site/markdown-export.js";
import { published } from "../site/published.js";
import { renderAnswer } from "../site/templates/answer.js";
import { renderTranscript } from "../site/templates/transcript.js";

/**
 * One transcript's files without an Eleventy run, for `verbatim dev`: its page, its answer pages and its
 * index.json / index.md. The page is emitted exactly as the build emits it (after the id ledger), read back
 * through the same front-matter reader (js-yaml 4) and the same Markdown settings Eleventy 3 uses by default
 * (markdown-it, HTML on, indented code off), then given to the same layout functions with the data Eleventy
 * would pass (the transcripts collection, for the newer/older links). Only for a site served at "/": a path
 * prefix is added by Eleventy's HTML base transform, which this does not run (dev always serves at "/").
 */
const md = markdownIt({ html: true }).disable("code");
const FRONT_MATTER = /^---\n([\s\S]*?)\n?---\n/;

export interface OutputFile {
  /** Root-relative URL path of the file ("/2020/10/05/slug/" for a page's index.html, or ".../index.json"). */
  url: string;
  text: string;
}

/** Replaces (or adds) one transcript's item in a newest-first collection, keeping Eleventy's order. */
export function withItem(items: TranscriptItem[], oldUrl: string | undefined, item: TranscriptItem): TranscriptItem[] {
  return [...items.filter((i) => i.url !== oldUrl && i.url !== item.url), item].sort(newestFirst);
}

export function renderTranscriptFiles(t: Transcript, file: string, links: EmitLinks | undefined, site: SiteConfig, transcripts: TranscriptItem[]): OutputFile[] {
  const markdown = emitMarkdown(t, file, links);
  const m = FRONT_MATTER.exec(markdown);
  if (!m) throw new Error("emitted page has no front-matter");
  const data = (yaml.load(m[1] ?? "") ?? {}) as Record<string, unknown>;
  const url = data.permalink;
  if (typeof url !== "string") throw new Error("emitted page has no permalink");
  const content = md.render(markdown.slice(m[0].length));
  const out: OutputFile[] = [{ url, text: renderTranscript({ ...data, site, content, collections: { transcripts } }) }];
  for (const a of answerPages(t)) out.push({ url: answerUrl(url, a.id), text: renderAnswer({ ...a, site }) });
  const [p] = published([{ file, t }]);
  out.push({ url: `${url}index.json`, text: transcriptJson(site, p!) }, { url: `${url}index.md`, text: transcriptMarkdown(site, p!) });
  return out;
}
