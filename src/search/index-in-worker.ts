import { readFile } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { indexSite, type IndexOptions, type IndexReport } from "./index-site.js";

export interface PageFile {
  /** Output path relative to the output folder, e.g. "2020/10/05/slug/index.html". */
  path: string;
  /** Where the rendered page is on disk now. */
  file: string;
}

/** Below this many pages a thread's start-up costs more than it saves. */
const WORKER_FROM_PAGES = 500;

/**
 * indexSite over rendered page files, on a worker thread of its own when the site is big. The build's thread
 * holds the whole archive's bookkeeping (hundreds of MB at 10,000 transcripts), and V8 lets a heap grow in
 * proportion to what it holds before collecting: the short-lived record strings of indexing then piled up
 * to gigabytes on that thread. On a thread that holds only one year's pages they are collected early.
 */
export async function indexSiteFiles(pages: PageFile[], bundleDir: string, options: Omit<IndexOptions, "partOf"> & { thread?: "auto" | "worker" | "this" } = {}): Promise<IndexReport> {
  const { thread = "auto", log, ...rest } = options;
  if (thread === "this" || (thread === "auto" && pages.length < WORKER_FROM_PAGES)) return indexSite(pages.map((p) => ({ path: p.path, content: () => readFile(p.file, "utf8") })), bundleDir, { ...rest, log });
  const worker = new Worker(new URL("./index-worker.mjs", import.meta.url), { workerData: { pages, bundleDir, options: rest } });
  try {
    return await new Promise<IndexReport>((resolve, reject) => {
      worker.on("message", (m: { log: string } | { ok: true; report: IndexReport } | { ok: false; error: string }) => {
        if ("log" in m) log?.(m.log);
        else if (m.ok) resolve(m.report);
        else reject(new Error(m.error));
      });
      worker.on("error", reject);
      worker.on("exit", (code) => reject(new Error(`the search index worker stopped (exit code ${code})`)));
    });
  } finally {
    await worker.terminate();
  }
}
