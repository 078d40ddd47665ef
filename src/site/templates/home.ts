import { html } from "../../emit/escape.js";
import type { SiteConfig } from "../../config/site-config.js";
import type { TranscriptItem } from "../collections.js";
import { formatDate } from "./format.js";
import { shell } from "./shell.js";

/** Home page: every transcript, newest first, grouped by year. */
export function renderHome(data: { site: SiteConfig; transcripts: TranscriptItem[] }): string {
  const byYear = new Map<string, TranscriptItem[]>();
  for (const t of data.transcripts) {
    const year = t.eventDate?.slice(0, 4) ?? "Undated";
    byYear.set(year, [...(byYear.get(year) ?? []), t]);
  }
  const body = html`<h1>${data.site.title}</h1>
<p class="lede">${data.site.description}</p>
${[...byYear].map(([year, items]) => html`<section class="year" aria-labelledby="year_${year}">
<h2 id="year_${year}">${year}</h2>
<ul class="transcript-list">
${items.map((t) => html`<li><a href="${t.url}">${t.title}</a> <span class="item-meta">${formatDate(t.eventDate)}${t.place ? ` · ${t.place}` : ""} · ${t.answers} answer${t.answers === 1 ? "" : "s"}</span></li>\n`)}</ul>
</section>\n`)}`;
  return shell({ site: data.site, title: data.site.title, body });
}
