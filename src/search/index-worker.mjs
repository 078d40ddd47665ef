// Worker thread for src/search/index-in-worker.ts, in plain JavaScript for the same reason as
// src/build/process-worker.mjs: it registers tsx itself (loader hooks are per thread), then indexes once.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { indexSiteFiles } = await import("./index-in-worker.ts");
const { pages, bundleDir, options } = workerData;
try {
  const report = await indexSiteFiles(pages, bundleDir, { ...options, thread: "this", log: (line) => parentPort.postMessage({ log: line }) });
  parentPort.postMessage({ ok: true, report });
} catch (err) {
  // The message only, as indexing on the build's own thread reports it: a stack trace is not for users.
  parentPort.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
