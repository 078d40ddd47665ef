import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, cp, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { availableParallelism } from "node:os";
import { canonicalPart, type PartFiles } from "./canonical-bundle.js";
import { partOfPath } from "./parts.js";
import { isSearchable, searchRecords } from "./records.js";
import { pagefindServices, type PagefindApi } from "./services.js";

export interface RenderedPage {
  /** Output path relative to the output folder, e.g. "2020/10/05/slug/index.html". */
  path: string;
  /** The HTML, or a reader for it (a 10,000-page archive should not sit in memory twice). */
  content: string | (() => Promise<string>);
}

export interface IndexOptions {
  /**
   * Where finished parts are kept between builds, keyed by a hash of their pages. A part whose pages did not
   * change is copied from here instead of being indexed again. Without it every part is indexed.
   */
  cacheDir?: string;
  /** Which part a page's output path belongs to; by default its year (src/search/parts.ts). */
  partOf?: (path: string) => string;
  /**
   * The site's language (its search page's `<html lang>`): every record is indexed as this language, whatever
   * the language of its page, so one search finds every transcript (default "en"). Pagefind keeps one index
   * per language and the browser loads only the page's own (or, in a part without it, another), so a year
   * holding both an English and a Russian transcript would otherwise hide the Russian one from an English
   * search page.
   */
  language?: string;
  /** Pagefind binaries run at once (each indexes one part on one core); default: the cores available. */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface IndexReport {
  /** Pages that opted in to search. */
  pages: number;
  /** Pagefind records (one per kind of text per page). */
  records: number;
  parts: { name: string; pages: number; reused: boolean }[];
  errors: string[];
}

/** Bump when the records or the bundle layout change, so cached parts from older builds are not reused. */
const FORMAT = "verbatim-search-5";
const RUNTIME_FILES = ["pagefind.js", "pagefind-worker.js", "pagefind-highlight.js"];
/** Records sent to a Pagefind binary ahead of its answers. */
const IN_FLIGHT = 8;
/** Pagefind's own UI bundles: the site has its own search page, so they are not published. */
const UNUSED = /^pagefind-(component-|modular-)?ui\.(js|css)$/;

/**
 * Indexes the HTML Eleventy rendered (never whatever sits in an output folder) into a split Pagefind bundle:
 * one complete Pagefind index per part (a year), in `bundleDir/<part>/`, listed newest first in
 * `bundleDir/parts.json`; the browser loads the first and merges the others with mergeIndex. Splitting keeps
 * the indexer's memory bounded by the largest year, and lets a rebuild re-index only the years that changed.
 */
export async function indexSite(pages: RenderedPage[], bundleDir: string, options: IndexOptions = {}): Promise<IndexReport> {
  const log = options.log ?? (() => {});
  const report: IndexReport = { pages: 0, records: 0, parts: [], errors: [] };
  const groups = new Map<string, RenderedPage[]>();
  for (const page of [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (!page.path.endsWith(".html")) continue;
    const part = (options.partOf ?? partOfPath)(page.path);
    const group = groups.get(part);
    if (group) group.push(page);
    else groups.set(part, [page]);
  }
  const names = [...groups.keys()].sort(newestFirst);
  await rm(bundleDir, { recursive: true, force: true });
  await mkdir(bundleDir, { recursive: true });
  const cacheDir = options.cacheDir;
  const language = options.language ?? "en";
  const services = await pagefindServices(Math.max(1, Math.min(options.concurrency ?? availableParallelism(), names.length)));
  const done = new Map<string, { pages: number; records: number; reused: boolean }>();
  const queue = [...names];
  const worker = async (api: PagefindApi) => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      done.set(name, await buildPart(api, name, groups.get(name)!, bundleDir, cacheDir, language, report.errors));
    }
  };
  try {
    await Promise.all(services.map(worker));
  } finally {
    await Promise.all(services.map((api) => api.close()));
  }
  if (cacheDir) await pruneGoneParts(cacheDir, names);
  const published: string[] = [];
  for (const name of names) {
    const part = done.get(name)!;
    report.pages += part.pages;
    report.records += part.records;
    // A part with nothing searchable in it (say, only list pages) is not published.
    if (part.pages === 0) {
      await rm(join(bundleDir, name), { recursive: true, force: true });
      continue;
    }
    report.parts.push({ name, pages: part.pages, reused: part.reused });
    log(`search part ${name}: ${part.pages} page(s), ${part.reused ? "unchanged, reused" : "indexed"}`);
    published.push(name);
  }
  if (published.length > 0) {
    // The runtime is identical in every part; one copy at the bundle root is what pages import.
    for (const f of RUNTIME_FILES) await cp(join(bundleDir, published[0]!, f), join(bundleDir, f));
  }
  await writeFile(join(bundleDir, "parts.json"), JSON.stringify({ parts: published }) + "\n");
  return report;
}

/** One part: copied from the cache when its pages are unchanged, indexed otherwise. */
async function buildPart(api: PagefindApi, name: string, group: RenderedPage[], bundleDir: string, cacheDir: string | undefined, language: string, errors: string[]): Promise<{ pages: number; records: number; reused: boolean }> {
  const hash = createHash("sha256").update(`${FORMAT}\0${language}\0${name}\0`);
  let searchable = false;
  // One part's pages (a year: a few hundred) are read once and kept until the part is indexed.
  const read: { path: string; content: string }[] = [];
  for (const page of group) {
    const html = typeof page.content === "string" ? page.content : await page.content();
    searchable ||= isSearchable(html);
    hash.update(`${page.path}\0${html}\0`);
    read.push({ path: page.path, content: html });
  }
  // Home, search and list pages alone make no part: nothing to index, nothing to cache.
  if (!searchable) return { pages: 0, records: 0, reused: false };
  const key = `${name}-${hash.digest("hex").slice(0, 20)}`;
  const cached = cacheDir ? join(cacheDir, key) : null;
  let counts: { pages: number; records: number } | null = cached ? await intactPart(cached) : null;
  const reused = counts !== null;
  if (!counts) {
    const target = cached ?? join(bundleDir, name);
    const scratch = `${target}.partial`;
    await rm(scratch, { recursive: true, force: true });
    await mkdir(scratch, { recursive: true });
    const res = await indexPart(api, read, scratch, language);
    errors.push(...res.errors.map((e) => `${name}: ${e}`));
    counts = { pages: res.pages, records: res.records };
    // A part that failed is published (the build reports its errors) but never cached as good.
    if (res.errors.length === 0) await writeFile(join(scratch, PART_FILE), JSON.stringify({ ...counts, files: await fileStamps(scratch) }) + "\n");
    await rm(target, { recursive: true, force: true });
    await rename(scratch, target);
  }
  if (cached) {
    await linkTree(cached, join(bundleDir, name));
    await pruneCache(cacheDir!, name, key);
  }
  await rm(join(bundleDir, name, PART_FILE), { force: true });
  return { ...counts, reused };
}

/** Written into a cached part once it is finished: its counts and every file's size and modification time. */
const PART_FILE = "verbatim-part.json";

/**
 * The counts of a cached part whose files are all exactly as they were written, else null. The published
 * bundle shares the cache's files (linkTree), so a tool that rewrote a published file in place would have
 * changed the cache too: such a part is indexed again rather than published from the cache once more.
 */
async function intactPart(dir: string): Promise<{ pages: number; records: number } | null> {
  const part = await readFile(join(dir, PART_FILE), "utf8").then((t) => JSON.parse(t) as { pages: number; records: number; files?: Record<string, string> }, () => null);
  if (!part?.files) return null;
  const now = await fileStamps(dir).catch(() => null);
  if (!now || Object.keys(now).length !== Object.keys(part.files).length) return null;
  for (const [f, stamp] of Object.entries(part.files)) if (now[f] !== stamp) return null;
  return { pages: part.pages, records: part.records };
}

/** Every file below `dir` (but the part file) with its size and modification time. */
async function fileStamps(dir: string, prefix = "", out: Record<string, string> = {}): Promise<Record<string, string>> {
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await fileStamps(dir, rel, out);
    else if (rel !== PART_FILE) {
      const s = await stat(join(dir, rel));
      out[rel] = `${s.size}:${s.mtimeMs}`;
    }
  }
  return out;
}

async function indexPart(pagefind: PagefindApi, pages: { path: string; content: string }[], outDir: string, language: string): Promise<{ pages: number; records: number; errors: string[] }> {
  // One language for the whole part (see IndexOptions.language): the search page loads that language's index.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) return { pages: 0, records: 0, errors };
  const out = { pages: 0, records: 0, errors: [...errors] };
  let files: PartFiles = new Map();
  try {
    // Records are sent without waiting for each answer, so the binary always has the next ones queued while
    // this thread splits the following page (waiting on every round trip left both idle); at most IN_FLIGHT
    // at a time, so unsent records never pile up in this process.
    const pending: Promise<{ errors: string[] }>[] = [];
    for (const page of pages) {
      const records = searchRecords(page.path, page.content);
      if (records.length) out.pages++;
      for (const r of records) {
        if (pending.length >= IN_FLIGHT) out.errors.push(...(await pending.shift()!).errors);
        pending.push(index.addHTMLFile({ url: r.url, content: r.content }));
        out.records++;
      }
    }
    for (const res of await Promise.all(pending)) out.errors.push(...res.errors);
    // Pagefind 1.5's service answers writeFiles before it has made its last writes (it drops its files
    // unflushed, leaving the writes to a background thread), so a part read or published right after could be
    // cut short: under load one index run in about forty failed on an empty pagefind-entry.json. The files are
    // taken in memory and written here. They cross the service's protocol as one string of about 1.8 times
    // their size, which caps a part at about 300 MB of search files (some 9,000 transcripts in one year); the
    // indexer itself would need some 20 GB of memory for such a part (README, Search).
    const got = await index.getFiles();
    out.errors.push(...got.errors);
    // On an error Pagefind's wrapper resolves with the errors alone, whatever its types say.
    files = new Map((got.files ?? []).filter((f) => !UNUSED.test(f.path)).map((f) => [f.path, f.content]));
  } finally {
    await index.deleteIndex();
  }
  await writePart(outDir, out.errors.length === 0 ? canonicalPart(files) : files);
  return out;
}

/** Writes a part's files below `dir`; if a path Pagefind returned would leave `dir`, nothing is written. */
async function writePart(dir: string, files: PartFiles): Promise<void> {
  const root = resolve(dir) + sep;
  const targets = [...files].map(([path, bytes]) => ({ path, file: resolve(root, path), bytes }));
  const outside = targets.find((t) => !t.file.startsWith(root));
  if (outside) throw new Error(`Pagefind returned a file outside its part: ${JSON.stringify(outside.path)}`);
  const made = new Set<string>();
  for (const { file, bytes } of targets) {
    const folder = dirname(file);
    if (!made.has(folder)) await mkdir(folder, { recursive: true });
    made.add(folder);
    await writeFile(file, bytes);
  }
}

/**
 * Puts a cached part into the bundle as hard links: a year is a few thousand files, and copying every year's
 * files on every build was half of a rebuild's index stage at 10,000 transcripts (27 s; 14.6 s linked).
 * Verbatim never writes to either side afterwards (a part is finished before it is cached, and a build replaces a
 * published bundle rather than changing it); a file some other tool rewrote in place is caught by intactPart
 * before the next reuse. Where hard links are not possible (another file system, one without links) the file is
 * copied.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [src, dest] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(src, dest);
    else await link(src, dest).catch(() => copyFile(src, dest, constants.COPYFILE_EXCL));
  }
}

/** Newest year first (the browser's primary index), then "undated" and any other part. */
function newestFirst(a: string, b: string): number {
  const ya = /^\d{4}$/.test(a), yb = /^\d{4}$/.test(b);
  if (ya && yb) return b.localeCompare(a);
  if (ya !== yb) return ya ? -1 : 1;
  return a.localeCompare(b);
}

/** Drops cached parts of years that no longer have any page. */
async function pruneGoneParts(cacheDir: string, names: string[]): Promise<void> {
  for (const entry of await readdir(cacheDir).catch(() => [])) {
    const m = /^(.+)-[0-9a-f]{20}(\.partial)?$/.exec(entry);
    if (m && !names.includes(m[1]!)) await rm(join(cacheDir, entry), { recursive: true, force: true });
  }
}

/** Keeps one cached version per part: the one just used. */
async function pruneCache(cacheDir: string, name: string, keep: string): Promise<void> {
  for (const entry of await readdir(cacheDir)) {
    if (entry !== keep && entry.startsWith(`${name}-`) && /^[0-9a-f]{20}$/.test(entry.slice(name.length + 1))) {
      await rm(join(cacheDir, entry), { recursive: true, force: true });
    }
  }
}
