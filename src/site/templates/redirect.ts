import type { SiteConfig } from "../../config/site-config.js";
import { html, raw } from "../../emit/escape.js";

export interface Redirect {
  /** Root-relative folder URL of the old page, e.g. "/2020/10/05/slug/old-id/". */
  from: string;
  /** Root-relative URL it leads to now, possibly with a #fragment. */
  to: string;
}

/** Flattens the redirects every transcript page carries in its front-matter (src/emit/front-matter.ts). */
export function redirectsOf(all: { data: Record<string, unknown> }[]): Redirect[] {
  return all
    .flatMap((item) => (Array.isArray(item.data.redirects) ? (item.data.redirects as Redirect[]) : []))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** `to` written relative to the folder `from`, so the redirect works under any path prefix. */
export function relativeHref(from: string, to: string): string {
  const hash = to.indexOf("#");
  const path = hash >= 0 ? to.slice(0, hash) : to;
  const fragment = hash >= 0 ? to.slice(hash) : "";
  const a = from.split("/").filter(Boolean);
  const b = path.split("/").filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const rel = [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
  return `${rel === "" ? "./" : `${rel}${path.endsWith("/") ? "/" : ""}`}${fragment}`;
}

/**
 * Runs in a redirect page when JavaScript does: goes to the new address at once, keeping what the visitor's
 * address carried, which a meta refresh drops. The visitor's #fragment (a paragraph or section link) wins
 * over the target's own (an old per-answer URL leads to an answer); with none, the target's stays. The
 * visitor's ?query (say `?highlight=`) is kept unless the target has one of its own. The target is read
 * from the script's own `data-to` attribute, written relative to the page (so it works under any path
 * prefix) and escaped like any attribute: nothing of the archive is ever part of the script's source, which
 * is this constant. If anything fails, the meta refresh (inside <noscript>, so it cannot race the script)
 * and the plain link remain.
 */
export const REDIRECT_SCRIPT =
  'try{var s=document.currentScript,t=new URL(s.getAttribute("data-to"),location.href);' +
  "if(location.hash.length>1)t.hash=location.hash;if(!t.search&&location.search.length>1)t.search=location.search;" +
  "location.replace(t.href)}catch(e){}";

/**
 * A static redirect for an old URL: a tiny inline script that carries the visitor's #fragment and query
 * over (see REDIRECT_SCRIPT), a meta refresh for browsers without JavaScript, a canonical link and a plain
 * link for anything that follows neither.
 */
export function renderRedirect(r: Redirect, site: SiteConfig): string {
  const href = relativeHref(r.from, r.to);
  const canonical = site.baseUrl ? `${site.baseUrl.replace(/\/+$/, "")}${site.pathPrefix.replace(/\/+$/, "")}${r.to}` : href;
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<title>Moved</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${canonical}">
<script data-to="${href}">${raw(REDIRECT_SCRIPT)}</script>
<noscript><meta http-equiv="refresh" content="0; url=${href}"></noscript>
</head>
<body>
<p>This link has moved. <a href="${href}">Continue to its new address</a>.</p>
</body>
</html>
`.value;
}
