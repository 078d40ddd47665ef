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
 * The site's archive-wide non-HTML files, written next to what Eleventy rendered: feeds, sitemap, robots.txt
 * and one index JSON. `pages` are the URLs Eleventy rendered (for the sitemap). Each transcript's own
 * index.json and index.md are written with its shard (writeTranscriptFiles). Returns the paths written,
 * relative to `outDir`.
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
  return writeAll(outDir, files);
}

/** Per transcript, its parsed structure (index.json) and Markdown (index.md) beside its index.html. */
export async function writeTranscriptFiles(outDir: string, site: SiteConfig, parsed: { file: string; t: Transcript }[]): Promise<string[]> {
  const files = new Map<string, string>();
  for (const p of published(parsed)) {
    files.set(`${p.path.slice(1)}index.json`, transcriptJson(site, p));
    files.set(`${p.path.slice(1)}index.md`, transcriptMarkdown(site, p));
  }
  return writeAll(outDir, files);
}

async function writeAll(outDir: string, files: Map<string, string>): Promise<string[]> {
  for (const [rel, text] of files) {
    await mkdir(dirname(join(outDir, rel)), { recursive: true });
    await writeFile(join(outDir, rel), text);
  }
  return [...files.keys()];
}
