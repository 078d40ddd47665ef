import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { SiteConfig } from "../config/site-config.js";
import { answerSource, answerSummaries } from "../emit/answer-pages.js";
import { emitMarkdown, type EmitLinks } from "../emit/markdown.js";
import { pageUrl } from "../emit/page-url.js";
import type { Transcript } from "../model/transcript.js";
import type { TranscriptItem } from "../site/collections.js";
import type { SiteIndex } from "../site/site-index.js";
import { writeTranscriptFiles } from "./data-files.js";
import { cachedFile, intact, placeCached, transcriptRenderKey, type CachedFile, type RenderReuse } from "./render-cache.js";
import { renderSite, type RenderedFile } from "./render.js";

type Item = { file: string; t: Transcript; links: EmitLinks | undefined };

/** Transcripts rendered by one Eleventy run, with their ids reconciled. */
export interface ShardJob {
  /** Folder the shard's Markdown pages are emitted into (Eleventy's input for this run). */
  dir: string;
  /** Position of the first transcript in the build, so emitted file names sort as the transcripts do. */
  first: number;
  /**
   * The shard's transcripts, as JSON in a file the build wrote: the build's thread lets go of the parsed archive
   * before rendering starts, instead of holding every shard not yet rendered (a gigabyte at 10,000).
   */
  itemsFile: string;
}

/** What every shard of one build shares. */
export interface ShardContext {
  root: string;
  site: SiteConfig;
  outDir: string;
  archive: SiteIndex;
  /** The previous build's output to reuse for unchanged transcripts (src/build/render-cache.ts); none: render all. */
  reuse?: RenderReuse;
}

export interface ShardResult {
  files: RenderedFile[];
  /** Each transcript's render key and the files it put into the site, for the next build's manifest. */
  entries: [string, CachedFile[]][];
  /** Transcripts whose files were reused from the previous build rather than rendered. */
  reused: number;
  /** Milliseconds spent emitting Markdown and rendering with Eleventy (including the data files). */
  emitMs: number;
  renderMs: number;
}

/**
 * emit -> Eleventy for one shard: its transcript pages, their answer pages and redirects, and each
 * transcript's index.json and index.md. A transcript whose render key matches the previous build's keeps that
 * build's files; the others are rendered. Runs on a worker thread (render-worker.mjs) or on the main thread.
 */
export async function renderShard(job: ShardJob, ctx: ShardContext): Promise<ShardResult> {
  const result: ShardResult = { files: [], entries: [], reused: 0, emitMs: 0, renderMs: 0 };
  const items = JSON.parse(await readFile(job.itemsFile, "utf8")) as Item[];
  const keyed = items.map((item, k) => ({ item, k, key: ctx.reuse ? transcriptRenderKey(item, neighboursOf(ctx.archive, pageUrl(item.t)), ctx.reuse.fingerprint) : null }));
  const candidates: typeof keyed = [];
  let fresh: typeof keyed = [];
  for (const x of keyed) {
    const previous = x.key !== null ? ctx.reuse!.entries[x.key] : undefined;
    (previous && (await intact(previous, ctx.reuse!.from)) ? candidates : fresh).push(x);
  }
  // Rendered first, linked after: a link never lands where this run is about to write.
  await renderItems(fresh, job, ctx, result);
  fresh = [];
  for (const x of candidates) {
    const placed = await placeCached(ctx.reuse!.entries[x.key!]!, ctx.reuse!.from, ctx.outDir);
    if (!placed) {
      fresh.push(x);
      continue;
    }
    result.reused++;
    result.entries.push([x.key!, placed]);
    for (const f of placed) if (f.url !== false) result.files.push({ outputPath: join(ctx.outDir, f.path), url: f.url, searchable: f.searchable });
  }
  // A file that vanished between the check and the link (say, an edit in `verbatim dev`): render after all.
  if (fresh.length) await renderItems(fresh, job, ctx, result);
  return result;
}

async function renderItems(batch: { item: Item; k: number; key: string | null }[], job: ShardJob, ctx: ShardContext, result: ShardResult): Promise<void> {
  if (batch.length === 0) return;
  const t0 = performance.now();
  await rm(job.dir, { recursive: true, force: true });
  await mkdir(join(job.dir, "transcripts"), { recursive: true });
  for (const { item, k } of batch) {
    await writeFile(join(job.dir, "transcripts", `${String(job.first + k).padStart(5, "0")}.md`), emitMarkdown(item.t, item.file, item.links));
  }
  const t1 = performance.now();
  const answers = answerSource(batch.map((x) => x.item.t));
  const files = await renderSite(ctx.root, ctx.site, job.dir, ctx.outDir, { mode: "pages", index: ctx.archive, answers });
  result.files.push(...files);
  // Which transcript each written file belongs to, by URL: its page, its answer pages, its redirects.
  const owner = new Map<string, number>();
  batch.forEach(({ item }, i) => {
    for (const url of [pageUrl(item.t), ...answerSummaries(item.t).map((a) => a.permalink), ...(item.links?.redirects ?? []).map((r) => r.from)]) owner.set(url, i);
  });
  // A file no transcript claims makes every transcript of the batch uncacheable rather than guessed at.
  let unclaimed = false;
  const claimed: { i: number; path: string; url: string | false; searchable: boolean }[] = [];
  for (const f of files) {
    const i = typeof f.url === "string" ? owner.get(f.url) : undefined;
    if (i === undefined) unclaimed = true;
    else claimed.push({ i, path: rel(ctx.outDir, f.outputPath), url: f.url, searchable: f.searchable });
  }
  for (const [i, { item }] of batch.entries()) {
    for (const path of await writeTranscriptFiles(ctx.outDir, ctx.site, [item])) claimed.push({ i, path, url: false, searchable: false });
  }
  // Stat'ed all at once: one at a time, the round trips left the thread idle for a tenth of the render.
  const own: CachedFile[][] = batch.map(() => []);
  const stats = await Promise.all(claimed.map((c) => cachedFile(ctx.outDir, c.path, c.url, c.searchable)));
  claimed.forEach((c, k) => own[c.i]!.push(stats[k]!));
  for (const [i, { key }] of batch.entries()) if (key !== null && !unclaimed) result.entries.push([key, own[i]!]);
  result.emitMs += t1 - t0;
  result.renderMs += performance.now() - t1;
}

function rel(outDir: string, path: string): string {
  return relative(outDir, path).split(sep).join("/");
}

// Every shard of a worker looks its transcripts up in the same archive list: index it once.
const positions = new WeakMap<TranscriptItem[], Map<string, number>>();
function neighboursOf(archive: SiteIndex, url: string): { newer?: TranscriptItem; older?: TranscriptItem } {
  const all = archive.transcripts;
  let map = positions.get(all);
  if (!map) positions.set(all, (map = new Map(all.map((t, i) => [t.url, i] as const))));
  const at = map.get(url);
  return at === undefined ? {} : { newer: all[at - 1], older: all[at + 1] };
}
