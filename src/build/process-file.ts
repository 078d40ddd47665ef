import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { z } from "zod";
import { sectionText, type SectionText } from "../ids/text.js";
import { decodeTranscript, readTranscript, type ReadResult } from "../ingest/read-transcript.js";
import { TranscriptSchema, type Transcript } from "../model/transcript.js";
import { parseTranscript, type ParseOptions } from "../parse/parse.js";
import { cacheKey } from "./cache.js";

/** One transcript file to take from raw bytes to a parsed Transcript. */
export interface FileJob {
  /** Path relative to the input folder (part of the cache key). */
  file: string;
  path: string;
  /** Files over this size are refused (load.ts gives the message). */
  maxBytes: number;
}

/** Milliseconds this file spent in each stage on its thread (a cache hit counts as ingest). */
export interface FileTimes {
  ingest: number;
  parse: number;
  /** Section texts for the id ledger (fingerprints and similarity sketches). */
  texts: number;
}

/**
 * A parsed transcript goes back whole: the id ledger (src/ids/reconcile.ts) needs every transcript on the
 * main thread before any page can be emitted. `notes` are the ingest notes (encoding guesses). `texts` are its
 * sections' texts for the ledger (`sectionText` of each section, in order): they depend on the sections' kinds
 * and paragraph texts only, which nothing after parsing changes, so they are made here, off the main thread.
 */
export type FileResult = (
  | { ok: true; t: Transcript; texts: SectionText[]; notes: string[]; key: string | null; bytes: number; cached: boolean }
  | { ok: false; reason: string; bytes: number }
) & { ms: FileTimes };

export interface ProcessContext {
  parse: ParseOptions;
  /** The parse options as JSON, part of every cache key. */
  parseJson: string;
  /** Folder of this code version's cache entries, or null for no cache. */
  cacheDir: string | null;
}

/**
 * ingest -> parse for one file. With a cache, unchanged bytes skip decoding and parsing: the Transcript is
 * read from the entry (and checked against the schema; a bad entry is parsed again). Unreadable files are
 * never cached, so their message is always fresh and always readTranscript's.
 */
export async function processFile(job: FileJob, ctx: ProcessContext): Promise<FileResult> {
  const t0 = performance.now();
  const ms: FileTimes = { ingest: 0, parse: 0, texts: 0 };
  let key: string | null = null;
  let size = 0;
  let read: ReadResult | null = null;
  if (ctx.cacheDir) {
    try {
      const info = statSync(job.path);
      size = info.size;
      if (info.isFile() && size > 0 && size <= job.maxBytes) {
        const bytes = readFileSync(job.path);
        key = cacheKey(job.file, bytes, ctx.parseJson);
        const hit = readEntry(ctx.cacheDir, key);
        if (hit) {
          ms.ingest = performance.now() - t0;
          return { ok: true, t: hit.t, texts: hit.texts, notes: hit.notes, key, bytes: bytes.length, cached: true, ms };
        }
        read = decodeTranscript(bytes);
      }
    } catch {
      // Let readTranscript below give the one consistent message for a file that cannot be read.
      key = null;
    }
  }
  read ??= await readTranscript(job.path, job.maxBytes);
  const t1 = performance.now();
  ms.ingest = t1 - t0;
  if (!read.ok) return { ok: false, reason: read.reason, bytes: size, ms };
  const t = parseTranscript(read.text, ctx.parse);
  const t2 = performance.now();
  ms.parse = t2 - t1;
  const texts = t.sections.map(sectionText);
  ms.texts = performance.now() - t2;
  if (ctx.cacheDir && key) {
    try {
      writeEntry(ctx.cacheDir, key, { notes: read.notes, t, texts });
    } catch {
      // The cache only saves time: a full disk or a concurrent prune must not fail the build.
    }
  }
  return { ok: true, t, texts, notes: read.notes, key, bytes: read.bytes.length, cached: false, ms };
}

interface Entry {
  notes: string[];
  t: Transcript;
  texts: SectionText[];
}

const SectionTextsSchema = z.array(z.object({
  kind: z.enum(["remarks", "qa"]),
  fingerprint: z.string(),
  question: z.array(z.string()),
  answer: z.array(z.string()),
  paragraphs: z.object({ q: z.number(), a: z.number(), p: z.number() }),
}));

/** One JSON file per entry, written under a temporary name and renamed, so a reader never sees half an entry. */
function writeEntry(dir: string, key: string, entry: Entry): void {
  const tmp = join(dir, `${key}.${process.pid}.${threadId}.tmp`);
  // Synchronous: this runs on a worker thread of its own, where blocking costs nothing.
  writeFileSync(tmp, JSON.stringify(entry));
  renameSync(tmp, join(dir, `${key}.entry`));
}

function readEntry(dir: string, key: string): Entry | null {
  try {
    const raw = JSON.parse(readFileSync(join(dir, `${key}.entry`), "utf8")) as { notes?: unknown; t?: unknown; texts?: unknown };
    const t = TranscriptSchema.safeParse(raw.t);
    const notes = Array.isArray(raw.notes) && raw.notes.every((n) => typeof n === "string") ? (raw.notes as string[]) : null;
    const texts = SectionTextsSchema.safeParse(raw.texts);
    if (!t.success || !notes || !texts.success) return null;
    // One text per section, of its kind: an entry that does not fit its own transcript is parsed again.
    if (texts.data.length !== t.data.sections.length || texts.data.some((x, i) => x.kind !== t.data.sections[i]?.kind)) return null;
    return { notes, t: t.data, texts: texts.data };
  } catch {
    return null;
  }
}
