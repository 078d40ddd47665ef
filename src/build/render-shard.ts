import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { SiteConfig } from "../config/site-config.js";
import { answerSource } from "../emit/answer-pages.js";
import { emitMarkdown, type EmitLinks } from "../emit/markdown.js";
import type { Transcript } from "../model/transcript.js";
import type { SiteIndex } from "../site/site-index.js";
import { writeTranscriptFiles } from "./data-files.js";
import { renderSite, type RenderedFile } from "./render.js";

/** Transcripts rendered by one Eleventy run, with their ids reconciled. */
export interface ShardJob {
  /** Folder the shard's Markdown pages are emitted into (Eleventy's input for this run). */
  dir: string;
  /** Position of the first transcript in the build, so emitted file names sort as the transcripts do. */
  first: number;
  items: { file: string; t: Transcript; links: EmitLinks | undefined }[];
}

/** What every shard of one build shares. */
export interface ShardContext {
  root: string;
  site: SiteConfig;
  outDir: string;
  archive: SiteIndex;
}

export interface ShardResult {
  files: RenderedFile[];
  /** Milliseconds spent emitting Markdown and rendering with Eleventy (including the data files). */
  emitMs: number;
  renderMs: number;
}

/**
 * emit -> Eleventy for one shard: its transcript pages, their answer pages and redirects, and each
 * transcript's index.json and index.md. Runs on a worker thread (render-worker.mjs) or on the main thread.
 */
export async function renderShard(job: ShardJob, ctx: ShardContext): Promise<ShardResult> {
  const t0 = performance.now();
  await mkdir(join(job.dir, "transcripts"), { recursive: true });
  for (const [k, { file, t, links }] of job.items.entries()) {
    await writeFile(join(job.dir, "transcripts", `${String(job.first + k).padStart(5, "0")}.md`), emitMarkdown(t, file, links));
  }
  const t1 = performance.now();
  const answers = answerSource(job.items.map((x) => x.t));
  const files = await renderSite(ctx.root, ctx.site, job.dir, ctx.outDir, { mode: "pages", index: ctx.archive, answers });
  await writeTranscriptFiles(ctx.outDir, ctx.site, job.items);
  return { files, emitMs: t1 - t0, renderMs: performance.now() - t1 };
}
