import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { decode } from "../src/ingest/decode.js";
import { parseTranscript } from "../src/parse/parse.js";

/**
 * Ingest (decode) + parse throughput per CPU-second, on this thread, after a warm-up: megabytes of transcript
 * per second of CPU time. CPU time rather than wall time, because other work on a shared machine stretches
 * wall time but not (much) the CPU a stage needs; times the cores, it is what the parse stage can reach.
 */
export async function parseRate(dir: string, maxFiles = 1000): Promise<{ files: number; mb: number; cpuMs: number; mbPerCpuS: number }> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort().slice(0, maxFiles);
  const bufs = await Promise.all(files.map((f) => readFile(join(dir, f))));
  const run = (bs: Buffer[]) => {
    for (const b of bs) {
      const d = decode(b);
      if (d.ok) parseTranscript(d.text);
    }
  };
  run(bufs.slice(0, 50));
  const before = process.cpuUsage();
  run(bufs);
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000;
  const mb = bufs.reduce((n, b) => n + b.length, 0) / 1e6;
  return { files: bufs.length, mb: Math.round(mb * 10) / 10, cpuMs: Math.round(cpuMs), mbPerCpuS: Math.round((mb / (cpuMs / 1000)) * 10) / 10 };
}
