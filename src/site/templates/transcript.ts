import { html, raw } from "../../emit/escape.js";
import { PageDataSchema } from "../../emit/front-matter.js";
import type { SiteConfig } from "../../config/site-config.js";
import type { TranscriptItem } from "../collections.js";
import { addSectionTools } from "../section-tools.js";
import { formatDate, plural, readingMinutes } from "./format.js";
import { shell } from "./shell.js";

type TranscriptData = Record<string, unknown> & { content: string; site: SiteConfig; page?: { url?: string }; collections?: { transcripts?: TranscriptItem[] } };

/** Layout of a transcript page: metadata, table of contents, then the sections emitted by src/emit/body.ts. */
export function renderTranscript(data: TranscriptData): string {
  const d = PageDataSchema.parse(pick(data, Object.keys(PageDataSchema.shape)));
  const url = d.permalink;
  const year = d.eventDate?.slice(0, 4) ?? "undated";
  const questions = d.toc.filter((s) => s.kind === "qa").length;
  const all = data.collections?.transcripts ?? [];
  const at = positionIn(all, url);
  // Newest first: the previous item is the newer transcript.
  const newer = at > 0 ? all[at - 1] : undefined;
  const older = at >= 0 ? all[at + 1] : undefined;
  const body = html`<article class="transcript" lang="${d.language}">
<header class="transcript-header">
<p class="kicker" data-pagefind-ignore="all"><a href="/${year}/">${year === "undated" ? "Undated" : year}</a></p>
<h1 data-pagefind-meta="title">${d.title}</h1>
${d.warnings.some((w) => w.code === "parse-failed") ? html`<p class="parse-failed-notice" role="note" data-pagefind-ignore>This transcript could not be read into questions and answers, so it is shown as plain paragraphs, exactly as written (see the parser notes below).</p>` : ""}
${d.subtitle ? html`<p class="subtitle">${d.subtitle}</p>` : ""}
<dl class="meta" data-pagefind-ignore>
<dt>Date</dt><dd><time${d.eventDate ? html` datetime="${d.eventDate}"` : ""} data-pagefind-meta="date">${formatDate(d.eventDate)}</time></dd>
${d.place ? html`<dt>Place</dt><dd data-pagefind-meta="place" data-pagefind-filter="place">${d.place}</dd>` : ""}
${d.speakers.length ? html`<dt>Speakers</dt><dd>${d.speakers.map((s, i) => html`${i ? ", " : ""}<span data-pagefind-filter="speaker">${s}</span>`)}</dd>` : ""}
${d.source.publisher ? html`<dt>Publisher</dt><dd>${d.source.publisher}</dd>` : ""}
${d.source.published ? html`<dt>Published</dt><dd><time datetime="${d.source.published}">${formatDate(d.source.published)}</time></dd>` : ""}
${d.source.url ? html`<dt>Source</dt><dd><a class="source-link" href="${d.source.url}" rel="nofollow noopener">${hostOf(d.source.url)}</a></dd>` : ""}
<dt>Length</dt><dd>${plural(d.wordCount, "word")} · ${readingMinutes(d.wordCount)} min read · ${plural(questions, "question")}</dd>
<dt>Data</dt><dd><a href="${url}index.json" type="application/json">JSON</a> · <a href="${url}index.md" type="text/markdown">Markdown</a></dd>
</dl>
<span hidden data-pagefind-filter="year:${year}" data-pagefind-sort="date:${d.eventDate ?? "0000-00-00"}"></span>
${d.header.length ? html`<details class="original-header" data-pagefind-ignore="all"><summary>Original header and credits</summary><ol>${d.header.map((h) => html`<li value="${h.line}"><span class="role">${h.role}</span> ${h.text}</li>`)}</ol></details>` : ""}
${d.warnings.length ? html`<details class="parse-notes" data-pagefind-ignore="all"><summary>${d.warnings.length} parser note${d.warnings.length === 1 ? "" : "s"}</summary><ul>${d.warnings.map((w) => html`<li>line ${w.line}: ${w.message}</li>`)}</ul></details>` : ""}
</header>
${d.toc.length > 1 ? html`<nav class="toc" aria-labelledby="toc_title" data-pagefind-ignore="all"><h2 class="toc-title" id="toc_title">Contents</h2><ol>${d.toc.map((s) => html`<li class="${s.kind}"><a href="#${s.id}">${s.title}</a>${s.kind === "qa" ? html`${s.asker ? html` <span class="toc-asker">(${s.asker})</span>` : ""} <span class="toc-summary">${s.summary}</span>` : ""}</li>`)}</ol></nav>` : ""}
<div class="sections">
${raw(addSectionTools(data.content, url, d.toc))}
</div>
</article>
${newer || older ? html`<nav class="pager" aria-label="More transcripts" data-pagefind-ignore="all">
${older ? html`<a class="pager-older" href="${older.url}" rel="prev"><span class="pager-label">Older</span> ${older.title}</a>` : ""}
${newer ? html`<a class="pager-newer" href="${newer.url}" rel="next"><span class="pager-label">Newer</span> ${newer.title}</a>` : ""}
</nav>` : ""}
<p id="copy_status" class="copy-status" role="status" aria-live="polite"></p>
<script type="module" src="/assets/highlight.js"></script>
<script type="module" src="/assets/links.js"></script>`;
  const where = [d.place, d.eventDate ? formatDate(d.eventDate) : null].filter(Boolean).join(", ");
  const description = [d.speakers.join(", "), where, plural(questions, "question") + " and answers"].filter(Boolean).join(" · ");
  return shell({
    site: data.site,
    title: d.title,
    description,
    body,
    lang: d.language,
    searchable: true,
    path: url,
    ogType: "article",
    head: html`<link rel="alternate" type="application/json" href="${url}index.json">
<link rel="alternate" type="text/markdown" href="${url}index.md">`,
  });
}

// Every page of a build looks itself up in the same list: index it once, not once per page.
const positions = new WeakMap<TranscriptItem[], Map<string, number>>();
function positionIn(all: TranscriptItem[], url: string): number {
  let map = positions.get(all);
  if (!map) positions.set(all, (map = new Map(all.map((t, i) => [t.url, i] as const))));
  return map.get(url) ?? -1;
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
