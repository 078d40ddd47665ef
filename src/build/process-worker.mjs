// Worker thread for src/build/load.ts. Plain JavaScript so it starts the same way under the CLI, vitest and the
// bench: it registers tsx itself (loader hooks are per thread), then runs batches of jobs from the main thread.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { processFile } = await import("./process-file.ts");
parentPort.on("message", async (batch) => {
  const results = [];
  for (const job of batch) {
    try {
      results.push(await processFile(job, workerData));
    } catch (err) {
      results.push({ ok: false, reason: `internal error: ${err instanceof Error ? err.message : String(err)}`, bytes: 0, ms: { ingest: 0, parse: 0, texts: 0 } });
    }
  }
  parentPort.postMessage(results);
});
