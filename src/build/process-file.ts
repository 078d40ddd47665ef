import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { emitMarkdown } from "../emit/markdown.js";
import { pageUrl } from "../emit/page-url.js";
import { decodeTranscript, MAX_TRANSCRIPT_BYTES, readTranscript, type ReadResult } from "../ingest/read-transcript.js";
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
  let read: ReadResult | null = null;
  if (ctx.cacheDir) {
    try {
      size = statSync(job.path).size;
      if (size > 0 && size <= MAX_TRANSCRIPT_BYTES) {
        const bytes = readFileSync(job.path);
        key = cacheKey(job.file, bytes, ctx.parseJson);
        const hit = readEntry(ctx.cacheDir, key);
        if (hit) {
          writeFileSync(job.outPath, hit.markdown);
          ms.ingest = performance.now() - t0;
          return { ok: true, summary: { ...hit.summary, cached: true }, ms };
        }
        read = decodeTranscript(bytes);
      }
    } catch {
      // Let readTranscript below give the one consistent message for a file that cannot be read.
      key = null;
    }
  }
  read ??= await readTranscript(job.path);
  const t1 = performance.now();
  ms.ingest = t1 - t0;
  if (!read.ok) return { ok: false, file: job.file, reason: read.reason, bytes: size, ms };
  const t = parseTranscript(read.text, ctx.parse);
  const t2 = performance.now();
  ms.parse = t2 - t1;
  const markdown = emitMarkdown(t, job.file);
  // Synchronous writes: this runs on a worker thread of its own (or for one file in dev mode), where a
  // blocking write costs nothing and saves a round trip through libuv's shared thread pool per file.
  writeFileSync(job.outPath, markdown);
  const summary = summarise(job.file, t, key, read.bytes.length, false);
  if (ctx.cacheDir && key) writeEntry(ctx.cacheDir, key, summary, markdown);
  ms.emit = performance.now() - t2;
  return { ok: true, summary, ms };
}

/**
 * One file per entry: the summary as one line of JSON (JSON.stringify never writes a raw newline), then the
 * page. Written under a temporary name and renamed, so a reader never sees half an entry.
 */
function writeEntry(dir: string, key: string, summary: FileSummary, markdown: string): void {
  const tmp = join(dir, `${key}.${process.pid}.${threadId}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(summary)}\n${markdown}`);
  renameSync(tmp, join(dir, `${key}.entry`));
}

function readEntry(dir: string, key: string): { summary: FileSummary; markdown: string } | null {
  let text: string;
  try {
    text = readFileSync(join(dir, `${key}.entry`), "utf8");
  } catch {
    return null;
  }
  const nl = text.indexOf("\n");
  try {
    return { summary: JSON.parse(text.slice(0, nl)) as FileSummary, markdown: text.slice(nl + 1) };
  } catch {
    return null;
  }
}
