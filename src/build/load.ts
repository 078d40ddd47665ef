import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { readTranscript } from "../ingest/read-transcript.js";
import type { Diagnostic, Transcript } from "../model/transcript.js";
import { parseTranscript, type ParseOptions } from "../parse/parse.js";
import { listTranscriptFiles } from "./collect.js";
import { processFile, type FileJob, type FileResult, type FileSummary, type FileTimes, type ProcessContext } from "./process-file.js";

export interface FileDiagnostic extends Diagnostic {
  file: string;
}

export interface Loaded {
  parsed: { file: string; t: Transcript }[];
  failed: { file: string; reason: string }[];
  diagnostics: FileDiagnostic[];
}

/** ingest + parse for every transcript file in `inputDir`; an unreadable file is reported, never fatal. */
export async function loadTranscripts(inputDir: string, options: ParseOptions = {}): Promise<Loaded> {
  const out: Loaded = { parsed: [], failed: [], diagnostics: [] };
  for (const file of await listTranscriptFiles(inputDir)) {
    const read = await readTranscript(join(inputDir, file));
    if (!read.ok) {
      out.failed.push({ file, reason: read.reason });
      out.diagnostics.push({ file, line: 0, code: "unreadable", severity: "error", message: `${read.reason}; skipped` });
      continue;
    }
    const t = parseTranscript(read.text, options);
    out.parsed.push({ file, t });
    out.diagnostics.push(...t.warnings.map((w) => ({ ...w, file })));
  }
  return out;
}

export interface EmitOptions {
  parse?: ParseOptions;
  /** Cache folder for this code version (see cache.ts), or null to always parse. */
  cacheDir?: string | null;
  /** Worker threads (0: this thread); default: one per core when there are enough files to pay for starting them. */
  workers?: number;
}

export interface Emitted {
  pages: (FileSummary & { outPath: string })[];
  failed: { file: string; reason: string }[];
  diagnostics: FileDiagnostic[];
  /** Bytes of transcript read (for MB/s), and how many pages came from the cache. */
  bytes: number;
  cached: number;
  /** Time spent in each stage, summed over all threads (they overlap in wall time). */
  threadMs: FileTimes;
  workers: number;
}

/** Below this many files, starting workers (each loads tsx and the parser) costs more than it saves. */
const MIN_FILES_PER_WORKER = 48;
const BATCH = 8;

/**
 * ingest + parse + emit of every transcript in `inputDir`, each page written to `pagesDir/transcripts/NNNNN.md`
 * as soon as it is ready, on worker threads when that pays. Only small summaries come back to this thread,
 * so memory does not grow with the archive. Results are in file-name order whatever order workers finish in.
 */
export async function loadAndEmit(inputDir: string, pagesDir: string, options: EmitOptions = {}): Promise<Emitted> {
  const files = await listTranscriptFiles(inputDir);
  const jobs: FileJob[] = files.map((file, i) => ({ file, path: join(inputDir, file), outPath: join(pagesDir, "transcripts", `${String(i).padStart(5, "0")}.md`) }));
  const ctx: ProcessContext = { parse: options.parse ?? {}, parseJson: JSON.stringify(options.parse ?? {}), cacheDir: options.cacheDir ?? null };
  const auto = Math.min(availableParallelism(), Math.floor(jobs.length / MIN_FILES_PER_WORKER));
  const workers = Math.min(options.workers ?? (auto > 1 ? auto : 0), jobs.length);
  const results = workers > 0 ? await runOnWorkers(jobs, ctx, workers) : await runHere(jobs, ctx);
  const out: Emitted = { pages: [], failed: [], diagnostics: [], bytes: 0, cached: 0, threadMs: { ingest: 0, parse: 0, emit: 0 }, workers };
  for (const [i, r] of results.entries()) {
    out.threadMs.ingest += r.ms.ingest;
    out.threadMs.parse += r.ms.parse;
    out.threadMs.emit += r.ms.emit;
    out.bytes += r.ok ? r.summary.bytes : r.bytes;
    if (!r.ok) {
      out.failed.push({ file: r.file, reason: r.reason });
      out.diagnostics.push({ file: r.file, line: 0, code: "unreadable", severity: "error", message: `${r.reason}; skipped` });
      continue;
    }
    out.pages.push({ ...r.summary, outPath: jobs[i]!.outPath });
    if (r.summary.cached) out.cached++;
    out.diagnostics.push(...r.summary.warnings.map((w) => ({ ...w, file: r.summary.file })));
  }
  return out;
}

async function runHere(jobs: FileJob[], ctx: ProcessContext): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const job of jobs) out.push(await processFile(job, ctx));
  return out;
}

function runOnWorkers(jobs: FileJob[], ctx: ProcessContext, count: number): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const finish = (err?: Error) => {
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve(results);
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
        batch.forEach((r, j) => (results[batchStart + j] = r));
        done += batch.length;
        if (done === jobs.length) finish();
        else feed();
      });
      w.on("error", (err) => finish(err));
      feed();
    }
  });
}
