import { html } from "../../emit/escape.js";
import type { SiteConfig } from "../../config/site-config.js";
import type { YearGroup } from "../collections.js";
import { monthName, plural } from "./format.js";
import { transcriptList, yearNav } from "./lists.js";
import { shell } from "./shell.js";

/** A year's archive at /2020/ (or /undated/): its transcripts by month, newest first. */
export function renderYear(data: { site: SiteConfig; group: YearGroup; years: YearGroup[] }): string {
  const g = data.group;
  const months = new Map<string, typeof g.transcripts>();
  for (const t of g.transcripts) {
    const m = t.eventDate?.slice(5, 7) ?? "";
    months.set(m, [...(months.get(m) ?? []), t]);
  }
  const title = g.year === "undated" ? "Undated transcripts" : `Transcripts from ${g.label}`;
  const body = html`<h1>${title}</h1>
<p class="item-meta">${plural(g.transcripts.length, "transcript")}</p>
${yearNav(data.years, g.year)}
${[...months].map(([m, items]) => (m ? html`<section aria-labelledby="month_${m}"><h2 id="month_${m}">${monthName(Number(m))} ${g.label}</h2>
${transcriptList(items)}</section>\n` : transcriptList(items)))}`;
  return shell({ site: data.site, title, body, path: `/${g.year}/`, current: "home", description: `${title}: ${plural(g.transcripts.length, "transcript")}.` });
}
