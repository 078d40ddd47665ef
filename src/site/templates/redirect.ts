import type { SiteConfig } from "../../config/site-config.js";
import { html } from "../../emit/escape.js";

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
 * A static redirect for an old URL: meta refresh (no JavaScript), a canonical link and a plain link for
 * anything that does not follow the refresh.
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
<meta http-equiv="refresh" content="0; url=${href}">
</head>
<body>
<p>This link has moved. <a href="${href}">Continue to its new address</a>.</p>
</body>
</html>
`.value;
}
