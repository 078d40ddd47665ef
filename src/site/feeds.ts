import { createHash } from "node:crypto";
import type { SiteConfig } from "../config/site-config.js";
import { escapeHtml } from "../emit/escape.js";
import type { Published } from "./published.js";
import { absoluteUrl, publicUrl } from "./urls.js";
import { xmlText } from "./xml.js";

/** Feeds carry the newest transcripts only; /transcripts.json lists them all. */
export const FEED_ENTRIES = 50;

type Site = Pick<SiteConfig, "title" | "description" | "language" | "baseUrl" | "pathPrefix">;

/**
 * Atom needs an absolute IRI as id. With a base URL that is the page URL; without one, a name-based UUID of
 * the page's path, so the feed stays valid without inventing a host (its links are then relative).
 */
export function feedId(site: Site, path: string): string {
  const abs = absoluteUrl(site, path);
  if (abs) return abs;
  const h = createHash("sha1").update(`verbatim:${site.pathPrefix}${path}`).digest("hex");
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Dated transcripts, newest first: Atom requires a date per entry, and an undated one has none to give. */
export function feedItems(all: Published[]): Published[] {
  return all.filter((p) => p.t.date).slice(0, FEED_ENTRIES);
}

function stamp(p: Published): string {
  return `${p.t.source.published ?? p.t.date}T00:00:00Z`;
}

function entryHtml(site: Site, p: Published): string {
  const where = [p.t.place, p.t.date].filter(Boolean).join(", ");
  const items = p.questions.map((q) => `<li><a href="${escapeHtml(publicUrl(site, q.path))}">Question ${q.number}</a>: ${escapeHtml(q.summary)}</li>`).join("");
  return `<p>${escapeHtml([p.t.speakers.join(", "), where].filter(Boolean).join(" · "))}</p>${items ? `<ol>${items}</ol>` : ""}`;
}

function summary(p: Published): string {
  const where = [p.t.place, p.t.date].filter(Boolean).join(", ");
  return [p.t.speakers.join(", "), where, `${p.questions.length} question${p.questions.length === 1 ? "" : "s"} and answers`, `${p.wordCount} words`].filter(Boolean).join(" · ");
}

export function atomFeed(site: Site, all: Published[]): string {
  const items = feedItems(all);
  const updated = items.map(stamp).sort().at(-1) ?? "1970-01-01T00:00:00Z";
  const entries = items.map((p) => {
    const url = publicUrl(site, p.path);
    return `  <entry>
    <title>${xmlText(p.t.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>
    <link rel="alternate" type="application/json" href="${xmlText(publicUrl(site, `${p.path}index.json`))}"/>
    <id>${xmlText(feedId(site, p.path))}</id>
    <published>${p.t.date}T00:00:00Z</published>
    <updated>${stamp(p)}</updated>
${p.t.speakers.map((s) => `    <author><name>${xmlText(s)}</name></author>\n`).join("")}    <summary>${xmlText(summary(p))}</summary>
    <content type="html">${xmlText(entryHtml(site, p))}</content>
  </entry>
`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(site.language)}">
  <title>${xmlText(site.title)}</title>
  <subtitle>${xmlText(site.description)}</subtitle>
  <id>${xmlText(feedId(site, "/"))}</id>
  <link rel="alternate" type="text/html" href="${xmlText(publicUrl(site, "/"))}"/>
  <link rel="self" type="application/atom+xml" href="${xmlText(publicUrl(site, "/feed.xml"))}"/>
  <updated>${updated}</updated>
  <author><name>${xmlText(site.title)}</name></author>
  <generator>Verbatim</generator>
${entries.join("")}</feed>
`;
}

/** JSON Feed 1.1. Without a base URL, home_page_url and feed_url are left out and item URLs are relative. */
export function jsonFeed(site: Site, all: Published[]): string {
  const home = absoluteUrl(site, "/");
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: site.title,
    description: site.description,
    language: site.language,
    ...(home ? { home_page_url: home, feed_url: absoluteUrl(site, "/feed.json") } : {}),
    authors: [{ name: site.title }],
    items: feedItems(all).map((p) => ({
      id: feedId(site, p.path),
      url: publicUrl(site, p.path),
      title: p.t.title,
      summary: summary(p),
      content_html: entryHtml(site, p),
      date_published: `${p.t.date}T00:00:00Z`,
      date_modified: stamp(p),
      ...(p.t.speakers.length ? { authors: p.t.speakers.map((name) => ({ name })) } : {}),
      ...(p.t.tags.length ? { tags: p.t.tags } : {}),
      ...(p.t.source.url ? { external_url: p.t.source.url } : {}),
      language: p.t.language,
    })),
  };
  return JSON.stringify(feed, null, 2) + "\n";
}
