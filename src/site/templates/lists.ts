import { html, type SafeHtml } from "../../emit/escape.js";
import type { TranscriptItem } from "../collections.js";
import { formatDate, plural } from "./format.js";

/** One line per transcript, shared by home, year and speaker pages. */
export function transcriptList(items: TranscriptItem[], extra?: (t: TranscriptItem) => string | null): SafeHtml {
  return html`<ul class="transcript-list">
${items.map((t) => {
    const more = extra?.(t);
    return html`<li><a href="${t.url}">${t.title}</a> <span class="item-meta">${formatDate(t.eventDate)}${t.place ? ` · ${t.place}` : ""} · ${more ?? plural(t.answers, "answer")}</span></li>\n`;
  })}</ul>`;
}

export function yearNav(years: { year: string; label: string; transcripts: unknown[] }[], current?: string): SafeHtml {
  return html`<nav class="year-nav" aria-label="Years"><ul>${years.map(
    (y) => html`<li><a href="/${y.year}/"${y.year === current ? html` aria-current="page"` : ""}>${y.label}</a> <span class="item-meta">(${y.transcripts.length})</span></li>`,
  )}</ul></nav>`;
}
