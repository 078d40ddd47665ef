import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * Runs a command as its own process group and samples the resident memory of its whole process tree
 * (Node, its worker threads, and children such as Pagefind's binary) from /proc. Over the memory cap or the
 * time cap the group is killed and the run is recorded as "oom" or "timeout", so a bench cannot take the
 * machine down with it.
 */

export type RunStatus = "ok" | "failed" | "oom" | "timeout";

export interface Sample {
  /** ms since the start of the run */
  t: number;
  rssMb: number;
}

export interface LineEvent {
  t: number;
  line: string;
}

export interface MonitoredRun {
  status: RunStatus;
  exitCode: number | null;
  wallMs: number;
  peakRssMb: number;
  samples: Sample[];
  /** stdout lines with the time they arrived */
  lines: LineEvent[];
  stderrTail: string;
}

export interface MonitorOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  memCapMb: number;
  timeCapMs: number;
  intervalMs?: number;
  /** Echo child output (stderr) to our stderr, prefixed. */
  echo?: string;
}

const PAGE = 4096;

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Command name, e.g. "pagefind" or "node". */
  name: string;
  rssBytes: number;
  /** User + system CPU time so far. */
  cpuSeconds: number;
}

/** Every process we can see, from /proc/PID/stat (Linux). */
export function readProcesses(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      // The command name is in parentheses and may itself contain spaces or parentheses.
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      out.push({
        pid: Number(e),
        ppid: Number(fields[1]),
        name: stat.slice(stat.indexOf("(") + 1, close),
        rssBytes: Number(fields[21]) * PAGE,
        cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100,
      });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** `root` and all its descendants among `procs`. */
export function processTree(root: number, procs: ProcessInfo[]): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const tree = procs.filter((p) => p.pid === root);
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!.pid) ?? []));
  return tree;
}

export function treeRssMb(root: number): number {
  return processTree(root, readProcesses()).reduce((n, p) => n + p.rssBytes, 0) / 1024 / 1024;
}

export function runMonitored(cmd: string, args: string[], options: MonitorOptions): Promise<MonitoredRun> {
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const samples: Sample[] = [];
  const lines: LineEvent[] = [];
  let stderr = "";
  let killedFor: RunStatus | null = null;
  let buffered = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    for (const line of parts) lines.push({ t: performance.now() - started, line });
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
    if (options.echo) process.stderr.write(chunk.replace(/^(?=.)/gm, options.echo));
  });
  const kill = (why: RunStatus) => {
    if (killedFor) return;
    killedFor = why;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const timer = setInterval(() => {
    if (child.pid === undefined) return;
    const rssMb = treeRssMb(child.pid);
    samples.push({ t: performance.now() - started, rssMb });
    if (rssMb > options.memCapMb) kill("oom");
    else if (performance.now() - started > options.timeCapMs) kill("timeout");
  }, options.intervalMs ?? 100);
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      clearInterval(timer);
      if (buffered) lines.push({ t: performance.now() - started, line: buffered });
      const heapOom = /JavaScript heap out of memory|memory allocation of \d+ bytes failed|Cannot allocate memory|out of memory/i.test(stderr);
      const status: RunStatus = killedFor ?? (code === 0 ? "ok" : heapOom || signal === "SIGKILL" ? "oom" : "failed");
      resolve({ status, exitCode: code, wallMs: performance.now() - started, peakRssMb: Math.max(0, ...samples.map((s) => s.rssMb)), samples, lines, stderrTail: stderr.slice(-2000) });
    });
  });
}

/** Highest sampled memory between two times of a run (ms from its start); the nearest sample if none fell inside. */
export function peakBetween(samples: Sample[], from: number, to: number): number {
  const inside = samples.filter((s) => s.t >= from && s.t <= to + 100);
  if (inside.length) return Math.max(...inside.map((s) => s.rssMb));
  const nearest = samples.reduce<Sample | null>((best, s) => (!best || Math.abs(s.t - to) < Math.abs(best.t - to) ? s : best), null);
  return nearest?.rssMb ?? 0;
}
