import { html, raw } from "../../emit/escape.js";
import { PageDataSchema } from "../../emit/front-matter.js";
import type { SiteConfig } from "../../config/site-config.js";
import { formatDate, readingMinutes } from "./format.js";
import { shell } from "./shell.js";

/** Layout of a transcript page: metadata, table of contents, then the sections emitted by src/emit/body.ts. */
export function renderTranscript(data: Record<string, unknown> & { content: string; site: SiteConfig }): string {
  const d = PageDataSchema.parse(pick(data, Object.keys(PageDataSchema.shape)));
  const year = d.eventDate?.slice(0, 4) ?? "undated";
  const body = html`<article class="transcript" lang="${d.language}">
<header class="transcript-header">
<h1 data-pagefind-meta="title">${d.title}</h1>
${d.warnings.some((w) => w.code === "parse-failed") ? html`<p class="parse-failed-notice" role="note" data-pagefind-ignore>This transcript could not be read into questions and answers, so it is shown as plain paragraphs, exactly as written (see the parser notes below).</p>` : ""}
${d.subtitle ? html`<p class="subtitle">${d.subtitle}</p>` : ""}
<dl class="meta">
<dt>Date</dt><dd><time${d.eventDate ? html` datetime="${d.eventDate}"` : ""} data-pagefind-meta="date">${formatDate(d.eventDate)}</time></dd>
${d.place ? html`<dt>Place</dt><dd data-pagefind-meta="place" data-pagefind-filter="place">${d.place}</dd>` : ""}
${d.speakers.length ? html`<dt>Speakers</dt><dd>${d.speakers.map((s, i) => html`${i ? ", " : ""}<span data-pagefind-filter="speaker">${s}</span>`)}</dd>` : ""}
${d.source.publisher ? html`<dt>Publisher</dt><dd>${d.source.publisher}</dd>` : ""}
${d.source.published ? html`<dt>Published</dt><dd><time datetime="${d.source.published}">${formatDate(d.source.published)}</time></dd>` : ""}
${d.source.url ? html`<dt>Source</dt><dd><a class="source-link" href="${d.source.url}" rel="nofollow noopener">${hostOf(d.source.url)}</a></dd>` : ""}
<dt>Length</dt><dd>${d.wordCount.toLocaleString("en-US")} words · ${readingMinutes(d.wordCount)} min read</dd>
</dl>
<span hidden data-pagefind-filter="year">${year}</span>
<span hidden data-pagefind-sort="date">${d.eventDate ?? "0000-00-00"}</span>
${d.header.length ? html`<details class="original-header" data-pagefind-ignore="all"><summary>Original header and credits</summary><ol>${d.header.map((h) => html`<li value="${h.line}"><span class="role">${h.role}</span> ${h.text}</li>`)}</ol></details>` : ""}
${d.warnings.length ? html`<details class="parse-notes" data-pagefind-ignore="all"><summary>${d.warnings.length} parser note${d.warnings.length === 1 ? "" : "s"}</summary><ul>${d.warnings.map((w) => html`<li>line ${w.line}: ${w.message}</li>`)}</ul></details>` : ""}
</header>
${d.toc.length > 1 ? html`<nav class="toc" aria-label="Contents" data-pagefind-ignore="all"><h2 class="toc-title">Contents</h2><ol>${d.toc.map((s) => html`<li class="${s.kind}"><a href="#${s.id}">${s.title}</a>${s.kind === "qa" ? html` <span class="toc-summary">${s.summary}</span>` : ""}</li>`)}</ol></nav>` : ""}
<div class="sections">
${raw(data.content)}
</div>
</article>
<script type="module" src="/assets/highlight.js"></script>`;
  return shell({ site: data.site, title: d.title, description: d.toc.find((s) => s.kind === "qa")?.summary ?? d.title, body, lang: d.language, searchable: true });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function pick(data: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, data[k]]));
}
