import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { renderShard, type ShardContext, type ShardJob, type ShardResult } from "./render-shard.js";

export interface ShardsOptions {
  /** Worker threads; default one per core when there is more than one shard, else this thread. */
  workers?: number;
  /** Called after each shard, in completion order. */
  onShard?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Renders the shards, each in an Eleventy run of its own: on worker threads when there are several (each
 * thread runs one Eleventy at a time, so memory stays bounded by the shard size times the threads), on this
 * thread when there is one. Results come back in shard order. A job names the file holding its transcripts, so
 * this thread never holds the shards waiting their turn.
 */
export async function renderShards(jobs: (ShardJob | undefined)[], ctx: ShardContext, options: ShardsOptions = {}): Promise<{ results: ShardResult[]; workers: number }> {
  const count = Math.min(options.workers ?? (jobs.length > 1 ? availableParallelism() : 0), jobs.length);
  const results: ShardResult[] = new Array(jobs.length);
  let done = 0;
  if (count <= 0) {
    for (let i = 0; i < jobs.length; i++) {
      options.signal?.throwIfAborted();
      const job = jobs[i]!;
      jobs[i] = undefined;
      results[i] = await renderShard(job, ctx);
      options.onShard?.(++done, jobs.length);
    }
    return { results, workers: 0 };
  }
  let next = 0;
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (err: Error) => {
        if (!failed) (failed = true), reject(err);
      };
      options.signal?.addEventListener("abort", () => fail(options.signal!.reason instanceof Error ? options.signal!.reason : new Error("aborted")), { once: true });
      for (let w = 0; w < count; w++) {
        const worker = new Worker(new URL("./render-worker.mjs", import.meta.url), { workerData: ctx });
        pool.push(worker);
        let current = -1;
        const feed = () => {
          if (failed) return;
          if (next >= jobs.length) return;
          current = next++;
          worker.postMessage(jobs[current]);
          jobs[current] = undefined;
        };
        worker.on("message", (m: { ok: true; result: ShardResult } | { ok: false; error: string }) => {
          if (!m.ok) return fail(new Error(`rendering shard ${current + 1} of ${jobs.length} failed: ${m.error}`));
          results[current] = m.result;
          options.onShard?.(++done, jobs.length);
          if (done === jobs.length) resolve();
          else feed();
        });
        worker.on("error", (err) => fail(err));
        worker.on("exit", (code) => {
          if (done < jobs.length) fail(new Error(`a render worker stopped (exit code ${code})`));
        });
        feed();
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { results, workers: count };
}
