import { html } from "../../emit/escape.js";
import type { SiteConfig } from "../../config/site-config.js";
import { yearGroups, type TranscriptItem } from "../collections.js";
import { plural } from "./format.js";
import { transcriptList, yearNav } from "./lists.js";
import { shell } from "./shell.js";

/** Home page: every transcript, newest first, grouped by year (each year heading links to its archive page). */
export function renderHome(data: { site: SiteConfig; transcripts: TranscriptItem[] }): string {
  const years = yearGroups(data.transcripts);
  const answers = data.transcripts.reduce((n, t) => n + t.answers, 0);
  const body = html`<h1>${data.site.title}</h1>
<p class="lede">${data.site.description}</p>
<p class="item-meta">${plural(data.transcripts.length, "transcript")}, ${plural(answers, "answer")}. <a href="/speakers/">Browse by speaker</a>.</p>
${years.length > 1 ? yearNav(years) : ""}
${years.map((y) => html`<section class="year" aria-labelledby="year_${y.year}">
<h2 id="year_${y.year}"><a href="/${y.year}/">${y.label}</a></h2>
${transcriptList(y.transcripts)}
</section>\n`)}${years.length === 0 ? html`<p>No transcripts yet.</p>` : ""}`;
  return shell({ site: data.site, title: data.site.title, body, path: "/", ogType: "website", current: "home" });
}
