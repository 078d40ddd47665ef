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
 * The site's archive-wide non-HTML files: feeds, robots.txt and one index JSON. They are made before the pages
 * are rendered, so the parsed transcripts can be let go shard by shard while rendering; the sitemap, which
 * lists what Eleventy rendered, is added when they are written (writeDataFiles). Each transcript's own
 * index.json and index.md are written with its shard (writeTranscriptFiles).
 */
export function archiveFiles(site: SiteConfig, parsed: { file: string; t: Transcript }[]): Map<string, string> {
  const all = published(parsed);
  return new Map<string, string>([
    ["feed.xml", atomFeed(site, all)],
    ["feed.json", jsonFeed(site, all)],
    ["transcripts.json", indexJson(site, all)],
    ["robots.txt", robotsTxt(site)],
  ]);
}

/** Writes the archive files and the sitemap of `pages` (the URLs Eleventy rendered); returns the paths written. */
export async function writeDataFiles(outDir: string, site: SiteConfig, archive: Map<string, string>, pages: (string | false)[]): Promise<string[]> {
  const files = new Map(archive);
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
