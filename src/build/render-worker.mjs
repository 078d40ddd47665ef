// Worker thread for src/build/render-shards.ts, in plain JavaScript for the same reason as process-worker.mjs:
// it registers tsx itself (loader hooks are per thread), then renders one shard per message.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { renderShard } = await import("./render-shard.ts");
parentPort.on("message", async (job) => {
  try {
    parentPort.postMessage({ ok: true, result: await renderShard(job, workerData) });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
