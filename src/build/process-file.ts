import { copyFile, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { emitMarkdown } from "../emit/markdown.js";
import { pageUrl } from "../emit/page-url.js";
import { MAX_TRANSCRIPT_BYTES, readTranscript } from "../ingest/read-transcript.js";
import type { Diagnostic, Transcript } from "../model/transcript.js";
import { parseTranscript, type ParseOptions } from "../parse/parse.js";
import { cacheKey } from "./cache.js";

/** One transcript file to take from raw bytes to an emitted Markdown page. */
export interface FileJob {
  /** Path relative to the input folder, as reported and recorded in the page. */
  file: string;
  path: string;
  /** Where the emitted Markdown page goes. */
  outPath: string;
}

/** What the rest of the build needs to know about a transcript; the Transcript itself stays where it was parsed. */
export interface FileSummary {
  file: string;
  url: string;
  title: string;
  date: string | null;
  slug: string;
  sections: number;
  removed: Transcript["removed"];
  warnings: Diagnostic[];
  /** Cache entry this page came from or went into (null without a cache). */
  key: string | null;
  bytes: number;
  cached: boolean;
}

/** Milliseconds this file spent in each stage on its thread (a cache hit counts as ingest). */
export interface FileTimes {
  ingest: number;
  parse: number;
  emit: number;
}

export type FileResult = ({ ok: true; summary: FileSummary } | { ok: false; file: string; reason: string; bytes: number }) & { ms: FileTimes };

export interface ProcessContext {
  parse: ParseOptions;
  /** The parse options as JSON, part of every cache key. */
  parseJson: string;
  /** Folder of this code version's cache entries, or null for no cache. */
  cacheDir: string | null;
}

export function summarise(file: string, t: Transcript, key: string | null, bytes: number, cached: boolean): FileSummary {
  return { file, url: pageUrl(t), title: t.title, date: t.date, slug: t.slug, sections: t.sections.length, removed: t.removed, warnings: t.warnings, key, bytes, cached };
}

/**
 * ingest -> parse -> emit for one file, writing the page to `job.outPath`. With a cache, unchanged bytes skip
 * decoding, parsing and emitting: the page is copied from the entry. Unreadable files are never cached, so
 * their message is always fresh.
 */
export async function processFile(job: FileJob, ctx: ProcessContext): Promise<FileResult> {
  const t0 = performance.now();
  const ms: FileTimes = { ingest: 0, parse: 0, emit: 0 };
  let key: string | null = null;
  let size = 0;
  if (ctx.cacheDir) {
    try {
      size = (await stat(job.path)).size;
      if (size > 0 && size <= MAX_TRANSCRIPT_BYTES) {
        key = cacheKey(job.file, await readFile(job.path), ctx.parseJson);
        const hit = await readEntry(ctx.cacheDir, key);
        if (hit) {
          await copyFile(join(ctx.cacheDir, `${key}.md`), job.outPath);
          ms.ingest = performance.now() - t0;
          return { ok: true, summary: { ...hit, cached: true }, ms };
        }
      }
    } catch {
      // Let readTranscript below give the one consistent message for a file that cannot be read.
      key = null;
    }
  }
  const read = await readTranscript(job.path);
  const t1 = performance.now();
  ms.ingest = t1 - t0;
  if (!read.ok) return { ok: false, file: job.file, reason: read.reason, bytes: size, ms };
  const t = parseTranscript(read.text, ctx.parse);
  const t2 = performance.now();
  ms.parse = t2 - t1;
  const markdown = emitMarkdown(t, job.file);
  await writeFile(job.outPath, markdown);
  const summary = summarise(job.file, t, key, read.bytes.length, false);
  if (ctx.cacheDir && key) {
    // The page first, the summary last: an entry only counts as present once its JSON exists.
    await writeFile(join(ctx.cacheDir, `${key}.md`), markdown);
    await writeFile(join(ctx.cacheDir, `${key}.json`), JSON.stringify(summary));
  }
  ms.emit = performance.now() - t2;
  return { ok: true, summary, ms };
}

async function readEntry(dir: string, key: string): Promise<FileSummary | null> {
  try {
    return JSON.parse(await readFile(join(dir, `${key}.json`), "utf8")) as FileSummary;
  } catch {
    return null;
  }
}
