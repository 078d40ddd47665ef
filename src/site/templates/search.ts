import { html } from "../../emit/escape.js";
import type { SiteConfig } from "../../config/site-config.js";
import type { TranscriptItem } from "../collections.js";
import { shell } from "./shell.js";

/**
 * The search page. Without JavaScript it explains itself; with it, search.js loads the Pagefind index when the
 * reader starts searching. The filters are written here, from the archive's list of transcripts, rather than
 * asked of Pagefind: asking loads every filter's index of every year before the first result (about a sixth of
 * a first search's bytes at 10,000 transcripts), and Pagefind would count records, three per transcript.
 */
export function renderSearch(data: { site: SiteConfig; transcripts: TranscriptItem[] }): string {
  const body = html`<h1>Search</h1>
<form id="search_form" class="search-form" role="search" aria-label="Search the archive" action="/search/" method="get">
<label for="search_q">Words or a phrase from any question or answer</label>
<input id="search_q" name="q" type="search" autocomplete="off">
<button type="submit">Search</button>
<div id="search_filters" class="search-filters" hidden>
${filterControls(data.transcripts).map((f) => html`<label>${f.label} <select name="${f.name}">${f.options.map(([value, text]) => html`<option value="${value}">${text}</option>`)}</select></label>\n`)}</div>
</form>
<p id="search_status" class="search-status" role="status" aria-live="polite"><noscript>Search runs in your browser and needs JavaScript; every transcript is listed on the home page.</noscript></p>
<ol id="search_results" class="search-results"></ol>
<button id="search_more" class="search-more" type="button" hidden>More results</button>
<script type="module" src="/assets/search.js"></script>`;
  return shell({ site: data.site, title: "Search", body });
}

interface FilterControl {
  /** The Pagefind filter (src/site/templates/transcript.ts, src/search/records.ts), or "sort". */
  name: string;
  label: string;
  /** [value, text]; the first is "any". */
  options: [string, string][];
}

/** Part, speaker, year and place with the number of transcripts for each value, then the order. */
export function filterControls(transcripts: TranscriptItem[]): FilterControl[] {
  const counted = (values: string[][]) => {
    const n = new Map<string, number>();
    for (const vs of values) for (const v of new Set(vs)) n.set(v, (n.get(v) ?? 0) + 1);
    return n;
  };
  const withCounts = (n: Map<string, number>, order: (a: string, b: string) => number): [string, string][] =>
    [...n.keys()].sort(order).map((v) => [v, `${v} (${n.get(v)})`]);
  const byName = (a: string, b: string) => a.localeCompare(b, "en") || (a < b ? -1 : a > b ? 1 : 0);
  const newestFirst = (a: string, b: string) => (a === "undated" ? 1 : b === "undated" ? -1 : b.localeCompare(a));
  const controls: FilterControl[] = [
    { name: "kind", label: "Part", options: [["", "Answers, questions and remarks"], ["answer", "Answers"], ["question", "Questions"], ["remarks", "Opening remarks"]] },
    { name: "speaker", label: "Speaker", options: [["", "Any speaker"], ...withCounts(counted(transcripts.map((t) => t.speakers)), byName)] },
    { name: "year", label: "Year", options: [["", "Any year"], ...withCounts(counted(transcripts.map((t) => [t.eventDate?.slice(0, 4) ?? "undated"])), newestFirst)] },
    { name: "place", label: "Place", options: [["", "Any place"], ...withCounts(counted(transcripts.map((t) => (t.place ? [t.place] : []))), byName)] },
  ];
  // A filter no transcript has a value for is left out, as an empty list would only mislead.
  return [...controls.filter((c) => c.options.length > 1), { name: "sort", label: "Order", options: [["", "Best match"], ["newest", "Newest first"], ["oldest", "Oldest first"]] }];
}
