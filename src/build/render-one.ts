import yaml from "js-yaml";
import markdownIt from "markdown-it";
import type { SiteConfig } from "../config/site-config.js";
import { renderTranscript } from "../site/templates/transcript.js";

/**
 * One transcript page without an Eleventy run, for `verbatim dev`: the emitted Markdown page goes through
 * the same front-matter reader (js-yaml 4), the same Markdown settings Eleventy 3 uses by default (markdown-it,
 * HTML on, indented code off) and the same layout function, so the bytes match a full build's page. Only for
 * a site served at "/": a path prefix is added by Eleventy's HTML base transform, which this does not run.
 */
const md = markdownIt({ html: true }).disable("code");
const FRONT_MATTER = /^---\n([\s\S]*?)\n?---\n/;

export function renderTranscriptPage(markdown: string, site: SiteConfig): { url: string; html: string } {
  const m = FRONT_MATTER.exec(markdown);
  if (!m) throw new Error("emitted page has no front-matter");
  const data = (yaml.load(m[1] ?? "") ?? {}) as Record<string, unknown>;
  const url = data.permalink;
  if (typeof url !== "string") throw new Error("emitted page has no permalink");
  const content = md.render(markdown.slice(m[0].length));
  return { url, html: renderTranscript({ ...data, site, content }) };
}
