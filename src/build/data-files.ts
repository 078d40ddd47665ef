import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { SiteConfig } from "../config/site-config.js";
import type { Transcript } from "../model/transcript.js";
import { indexJson, transcriptJson } from "../site/data-json.js";
import { atomFeed, jsonFeed } from "../site/feeds.js";
import { transcriptMarkdown } from "../site/markdown-export.js";
import { published } from "../site/published.js";
import { robotsTxt, sitemap } from "../site/sitemap.js";

/**
 * The site's non-HTML files, written next to what Eleventy rendered: feeds, sitemap, robots.txt, one index
 * JSON, and per transcript its parsed structure (index.json) and Markdown (index.md) beside its index.html.
 * `pages` are the URLs Eleventy rendered (for the sitemap). Returns the paths written, relative to `outDir`.
 */
export async function writeDataFiles(outDir: string, site: SiteConfig, parsed: { file: string; t: Transcript }[], pages: (string | false)[]): Promise<string[]> {
  const all = published(parsed);
  const files = new Map<string, string>([
    ["feed.xml", atomFeed(site, all)],
    ["feed.json", jsonFeed(site, all)],
    ["transcripts.json", indexJson(site, all)],
    ["robots.txt", robotsTxt(site)],
  ]);
  const map = sitemap(site, pages.filter((u): u is string => typeof u === "string" && u.endsWith("/")));
  if (map) files.set("sitemap.xml", map);
  for (const p of all) {
    files.set(`${p.path.slice(1)}index.json`, transcriptJson(site, p));
    files.set(`${p.path.slice(1)}index.md`, transcriptMarkdown(site, p));
  }
  for (const [rel, text] of files) {
    await mkdir(dirname(join(outDir, rel)), { recursive: true });
    await writeFile(join(outDir, rel), text);
  }
  return [...files.keys()];
}
