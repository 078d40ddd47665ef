import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { decode } from "../src/ingest/decode.js";
import { emitMarkdown } from "../src/emit/markdown.js";
import type { Transcript } from "../src/model/transcript.js";
import { parseTranscript } from "../src/parse/parse.js";

/**
 * Ingest (decode) + parse throughput per CPU-second, on this thread, after a warm-up: megabytes of transcript
 * per second of CPU time. CPU time rather than wall time, because other work on a shared machine stretches
 * wall time but not (much) the CPU a stage needs; times the cores, it is what the parse stage can reach.
 */
export async function parseRate(dir: string, maxFiles = 1000): Promise<{ files: number; mb: number; cpuMs: number; mbPerCpuS: number; emitMbPerCpuS: number }> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort().slice(0, maxFiles);
  const bufs = await Promise.all(files.map((f) => readFile(join(dir, f))));
  const parsed: Transcript[] = [];
  const run = (bs: Buffer[]) => {
    parsed.length = 0;
    for (const b of bs) {
      const d = decode(b);
      if (d.ok) parsed.push(parseTranscript(d.text));
    }
  };
  const emit = () => parsed.forEach((t, i) => emitMarkdown(t, files[i] ?? ""));
  run(bufs.slice(0, 50));
  emit();
  const cpu = (f: () => void) => {
    const before = process.cpuUsage();
    f();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  const cpuMs = cpu(() => run(bufs));
  const emitMs = cpu(emit);
  const mb = bufs.reduce((n, b) => n + b.length, 0) / 1e6;
  const rate = (ms: number) => Math.round((mb / (ms / 1000)) * 10) / 10;
  return { files: bufs.length, mb: Math.round(mb * 10) / 10, cpuMs: Math.round(cpuMs), mbPerCpuS: rate(cpuMs), emitMbPerCpuS: rate(emitMs) };
}
