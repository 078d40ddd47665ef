/** Link extraction for the crawl tests: every URL a built file points at, as written. */

const HTML_ATTR = /\s(?:href|src|action)="([^"]*)"/g;

export function htmlLinks(html: string): string[] {
  return [...html.matchAll(HTML_ATTR)].map((m) => decodeEntities(m[1] ?? ""));
}

export function xmlLinks(xml: string): string[] {
  const hrefs = [...xml.matchAll(/\shref="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ""));
  const locs = [...xml.matchAll(/<(?:loc|id)>([^<]*)<\/(?:loc|id)>/g)].map((m) => decodeEntities(m[1] ?? ""));
  // Atom <content type="html"> holds escaped HTML whose links count too.
  const content = [...xml.matchAll(/<content type="html">([^<]*)<\/content>/g)].flatMap((m) => htmlLinks(decodeEntities(m[1] ?? "")));
  return [...hrefs, ...locs.filter((l) => !l.startsWith("urn:")), ...content];
}

/** Every string value under a URL-ish key of a JSON document, and links inside its HTML fields. */
export function jsonLinks(value: unknown, key = ""): string[] {
  if (typeof value === "string") {
    if (/^(url|json|markdown|anchor|home_page_url|feed_url|baseUrl)$/.test(key)) return [value];
    if (key === "content_html") return htmlLinks(value);
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v) => jsonLinks(v, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => (k === "source" ? [] : jsonLinks(v, k)));
  return [];
}

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#123;/g, "{").replace(/&amp;/g, "&");
}
