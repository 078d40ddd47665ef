import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { MAX_TRANSCRIPT_BYTES } from "../ingest/read-transcript.js";
import type { SectionText } from "../ids/text.js";
import type { Diagnostic, Transcript } from "../model/transcript.js";
import type { ParseOptions } from "../parse/parse.js";
import { collectTranscriptFiles, printableName } from "./collect.js";
import { processFile, type FileJob, type FileResult, type FileTimes, type ProcessContext } from "./process-file.js";

export interface FileDiagnostic extends Diagnostic {
  file: string;
}

export interface Loaded {
  /** `texts`: the section texts of `t` for the id ledger, made on the parse worker (see process-file.ts). */
  parsed: { file: string; t: Transcript; texts: SectionText[] }[];
  failed: { file: string; reason: string }[];
  diagnostics: FileDiagnostic[];
  /** Bytes of transcript read (for MB/s), and how many transcripts came from the cache. */
  bytes: number;
  cached: number;
  /** Cache entries this load used (the build prunes the rest). */
  keys: Set<string>;
  /** Time spent in each stage, summed over all threads (they overlap in wall time). */
  threadMs: FileTimes;
  workers: number;
}

/**
 * Files larger than this are refused by default. A long real press conference is about 200 KB; 10 MB is
 * over a million words, which in practice means a dump or a log saved into the folder by mistake, and a
 * page that no browser would render well. Raise it with `maxBytes` (CLI: --max-file-mb).
 */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface LoadOptions extends ParseOptions {
  maxBytes?: number;
  /** Called after each file, for progress output (in file-name order). */
  onFile?: (done: number, total: number, file: string) => void;
  /** Cache folder for this code version (see cache.ts), or null/undefined to always parse. */
  cacheDir?: string | null;
  /** Worker threads (0: this thread); default: one per core when there are enough files to pay for starting them. */
  workers?: number;
}

/** Below this many files, starting workers (each loads tsx and the parser) costs more than it saves. */
const MIN_FILES_PER_WORKER = 48;
const BATCH = 8;

/**
 * ingest + parse for every transcript file in `inputDir`; an unreadable file is reported, never fatal. On
 * worker threads when the archive is big enough, with a content-hash cache when given one; either way the
 * results, messages and order (by file name) are the same as parsing every file here, one after another.
 */
export async function loadTranscripts(inputDir: string, options: LoadOptions = {}): Promise<Loaded> {
  const out: Loaded = { parsed: [], failed: [], diagnostics: [], bytes: 0, cached: 0, keys: new Set(), threadMs: { ingest: 0, parse: 0, texts: 0 }, workers: 0 };
  const maxBytes = Math.min(options.maxBytes ?? DEFAULT_MAX_FILE_BYTES, MAX_TRANSCRIPT_BYTES);
  const files = await collectTranscriptFiles(inputDir);
  const parse: ParseOptions = { aliases: options.aliases };
  const ctx: ProcessContext = { parse, parseJson: JSON.stringify(parse), cacheDir: options.cacheDir ?? null };
  const jobs: FileJob[] = files.filter((f) => !f.refused).map((f) => ({ file: f.file, path: f.path, maxBytes }));
  const auto = Math.min(availableParallelism(), Math.floor(jobs.length / MIN_FILES_PER_WORKER));
  out.workers = Math.min(options.workers ?? (auto > 1 ? auto : 0), jobs.length);

  // Results are reported strictly in file-name order, as each next one arrives, whatever order workers finish in.
  const results: (FileResult | undefined)[] = new Array(jobs.length);
  let reported = 0;
  let jobAt = 0;
  const flush = () => {
    while (reported < files.length) {
      const entry = files[reported]!;
      const r = entry.refused ? null : results[jobAt];
      if (r === undefined) return;
      if (entry.nameWarning) out.diagnostics.push({ file: printableName(entry.file), line: 0, code: "file-name", severity: "warning", message: entry.nameWarning });
      if (r) results[jobAt++] = undefined;
      record(entry.file, r, entry.refused);
      reported++;
      options.onFile?.(reported, files.length, printableName(entry.file));
    }
  };
  const record = (file: string, r: FileResult | null, refused?: string) => {
    const shown = printableName(file);
    const skip = (reason: string) => {
      out.failed.push({ file, reason });
      out.diagnostics.push({ file: shown, line: 0, code: "unreadable", severity: "error", message: reason.endsWith("skipped") ? reason : `${reason}; skipped` });
    };
    if (!r) return skip(refused!);
    out.threadMs.ingest += r.ms.ingest;
    out.threadMs.parse += r.ms.parse;
    out.threadMs.texts += r.ms.texts;
    out.bytes += r.bytes;
    if (!r.ok) return skip(r.reason.replace(/over the limit of (\d+) bytes/, (m, n: string) => `${m} (${Math.round(Number(n) / 1024 / 1024)} MB; raise it with --max-file-mb)`));
    if (r.cached) out.cached++;
    if (r.key) out.keys.add(r.key);
    for (const note of r.notes.filter((n) => /not UTF-8/.test(n))) {
      out.diagnostics.push({ file: shown, line: 0, code: "encoding", severity: "warning", message: `${note}; check the text, and save it as UTF-8 to be sure` });
    }
    out.parsed.push({ file, t: r.t, texts: r.texts });
    // One push per warning: spread into one push, a transcript with some 130,000 warnings overflowed the stack.
    for (const w of r.t.warnings) out.diagnostics.push({ ...w, message: oneLine(w.message), file: shown });
  };
  const done = (i: number, r: FileResult) => {
    results[i] = r;
    flush();
  };
  flush();
  if (out.workers > 0) await runOnWorkers(jobs, ctx, out.workers, done);
  else for (const [i, job] of jobs.entries()) done(i, await processFile(job, ctx));
  return out;
}

/** Diagnostics print as one `file:line: severity: message` line each, whatever the message held. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ");
}

function runOnWorkers(jobs: FileJob[], ctx: ProcessContext, count: number, onResult: (i: number, r: FileResult) => void): Promise<void> {
  let next = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const finish = (err?: Error) => {
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(new URL("./process-worker.mjs", import.meta.url), { workerData: ctx });
      pool.push(w);
      let batchStart = 0;
      const feed = () => {
        if (next >= jobs.length) return;
        batchStart = next;
        const batch = jobs.slice(next, next + BATCH);
        next += batch.length;
        w.postMessage(batch);
      };
      w.on("message", (batch: FileResult[]) => {
        batch.forEach((r, j) => onResult(batchStart + j, r));
        finished += batch.length;
        if (finished === jobs.length) finish();
        else feed();
      });
      w.on("error", (err) => finish(err));
      feed();
    }
  });
}
