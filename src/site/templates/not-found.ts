import { html } from "../../emit/escape.js";
import type { SiteConfig } from "../../config/site-config.js";
import { shell } from "./shell.js";

/** 404.html: static hosts serve it for any unknown URL, so every link in it is root-relative (prefixed by the base plugin). */
export function renderNotFound(data: { site: SiteConfig }): string {
  const body = html`<h1>Page not found</h1>
<p>There is no page at this address. Links to answers made by this site never change, so the address may have been mistyped or cut short.</p>
<ul>
<li><a href="/">All transcripts</a></li>
<li><a href="/speakers/">Speakers</a></li>
<li><a href="/search/">Search every answer</a></li>
</ul>`;
  return shell({ site: data.site, title: "Page not found", body, head: html`<meta name="robots" content="noindex">` });
}
