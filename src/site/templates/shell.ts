import { html, raw, type SafeHtml } from "../../emit/escape.js";
import type { SiteConfig } from "../../config/site-config.js";

export interface ShellOptions {
  site: SiteConfig;
  title: string;
  description?: string;
  body: SafeHtml;
  lang?: string;
  /** Extra elements for <head>. */
  head?: SafeHtml;
  /** Whether this page's main text is indexed for search. */
  searchable?: boolean;
}

/**
 * The document shell shared by every page. Root-relative URLs only: the HTML base plugin adds the path
 * prefix at build time, so the same templates work at / and under /archive/.
 */
export function shell(o: ShellOptions): string {
  const doc = html`<!doctype html>
<html lang="${o.lang ?? o.site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title === o.site.title ? o.title : `${o.title} · ${o.site.title}`}</title>
<meta name="description" content="${o.description ?? o.site.description}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
${o.head ?? ""}
</head>
<body>
<a class="skip-link" href="#site_main">Skip to content</a>
<header class="site-header" data-pagefind-ignore="all">
<a class="site-title" href="/">${o.site.title}</a>
<form class="site-search" role="search" action="/search/" method="get">
<label for="site_q" class="visually-hidden">Search transcripts</label>
<input id="site_q" name="q" type="search" placeholder="Search all answers" autocomplete="off">
<button type="submit">Search</button>
</form>
</header>
<main id="site_main"${o.searchable ? raw(" data-pagefind-body") : ""}>
${o.body}
</main>
<footer class="site-footer" data-pagefind-ignore="all">
<p>Published with Verbatim. Every answer has a permanent link.</p>
</footer>
</body>
</html>
`;
  return doc.value;
}
