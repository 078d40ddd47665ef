import { html } from "../../emit/escape.js";
import type { SiteConfig } from "../../config/site-config.js";
import { shell } from "./shell.js";

/**
 * The search page. Without JavaScript it explains itself; with it, search.js loads the Pagefind index when the
 * reader starts searching, then adds the filters (part, speaker, year, place) and the order.
 */
export function renderSearch(data: { site: SiteConfig }): string {
  const body = html`<h1>Search</h1>
<form id="search_form" class="search-form" role="search" aria-label="Search the archive" action="/search/" method="get">
<label for="search_q">Words or a phrase from any question or answer</label>
<input id="search_q" name="q" type="search" autocomplete="off">
<button type="submit">Search</button>
<div id="search_filters" class="search-filters" hidden></div>
</form>
<p id="search_status" class="search-status" role="status" aria-live="polite"><noscript>Search runs in your browser and needs JavaScript; every transcript is listed on the home page.</noscript></p>
<ol id="search_results" class="search-results"></ol>
<button id="search_more" class="search-more" type="button" hidden>More results</button>
<script type="module" src="/assets/search.js"></script>`;
  return shell({ site: data.site, title: "Search", body });
}
