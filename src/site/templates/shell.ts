import { html, raw, type SafeHtml } from "../../emit/escape.js";
import type { SiteConfig } from "../../config/site-config.js";
import { absoluteUrl } from "../urls.js";

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
  /** Root-relative URL of this page: gives the canonical link and og:url when the site has a base URL. */
  path?: string;
  /** OpenGraph type; pages with one get OpenGraph and Twitter card tags. */
  ogType?: "website" | "article";
  /** Which item of the main navigation this page belongs to. */
  current?: "home" | "speakers" | "search";
}

/**
 * The document shell shared by every page. Root-relative URLs only: the HTML base plugin adds the path
 * prefix at build time, so the same templates work at / and under /archive/. Absolute URLs (canonical,
 * og:url) appear only when a base URL is configured; the site never invents a host.
 */
export function shell(o: ShellOptions): string {
  const description = o.description ?? o.site.description;
  const abs = o.path ? absoluteUrl(o.site, o.path) : null;
  const navItem = (key: ShellOptions["current"], href: string, label: string) =>
    html`<li><a href="${href}"${o.current === key ? raw(' aria-current="page"') : ""}>${label}</a></li>`;
  const doc = html`<!doctype html>
<html lang="${o.lang ?? o.site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title === o.site.title ? o.title : `${o.title} · ${o.site.title}`}</title>
<meta name="description" content="${description}">
<meta name="color-scheme" content="light dark">
${abs ? html`<link rel="canonical" href="${abs}">\n` : ""}${o.ogType ? html`<meta property="og:type" content="${o.ogType}">
<meta property="og:site_name" content="${o.site.title}">
<meta property="og:title" content="${o.title}">
<meta property="og:description" content="${description}">
${abs ? html`<meta property="og:url" content="${abs}">\n` : ""}<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${o.title}">
<meta name="twitter:description" content="${description}">
` : ""}<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
<link rel="alternate" type="application/atom+xml" title="${o.site.title} (Atom)" href="/feed.xml">
<link rel="alternate" type="application/feed+json" title="${o.site.title} (JSON Feed)" href="/feed.json">
${o.head ?? ""}
</head>
<body>
<a class="skip-link" href="#site_main">Skip to content</a>
<header class="site-header" data-pagefind-ignore="all">
<a class="site-title" href="/">${o.site.title}</a>
<nav class="site-nav" aria-label="Site">
<ul>
${navItem("home", "/", "Transcripts")}
${navItem("speakers", "/speakers/", "Speakers")}
</ul>
</nav>
<form class="site-search" role="search" action="/search/" method="get">
<label for="site_q" class="visually-hidden">Search transcripts</label>
<input id="site_q" name="q" type="search" placeholder="Search all answers" autocomplete="off">
<button type="submit">Search</button>
</form>
</header>
<main id="site_main" tabindex="-1"${o.searchable ? raw(" data-pagefind-body") : ""}>
${o.body}
</main>
<footer class="site-footer" data-pagefind-ignore="all">
<p>${o.site.title}: every answer has a permanent link. <a href="/feed.xml">Atom feed</a> · <a href="/feed.json">JSON Feed</a> · <a href="/transcripts.json">All transcripts as JSON</a></p>
<p>Published with Verbatim.</p>
</footer>
</body>
</html>
`;
  return doc.value;
}
