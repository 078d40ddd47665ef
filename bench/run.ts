// npm run bench [-- --n 100,1000,10000] [--words 6000] [--questions 10] [--mem-cap-mb 6144] [--time-cap-s 900]
//                  [--edits 5] [--no-baseline] [--no-warm] [--no-dev]
// Builds synthetic archives of each size with Verbatim (stage by stage, with peak memory of the process tree)
// and with bare Eleventy + the Pagefind CLI as the baseline, prints a table and writes bench/out/results.json;
// bench/results/latest.{json,md} keep the newest result for each size (committed).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, freemem, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeBaselineInput } from "./baseline.js";
import { writeCorpus } from "./corpus.js";
import { parseRate } from "./parse-rate.js";
import { peakBetween, runMonitored, type MonitoredRun, type RunStatus } from "./monitor.js";
import { pageWeight, type PageWeight } from "./weight.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BENCH = join(ROOT, "bench");

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "100,1000,10000" },
    words: { type: "string", default: "6000" },
    questions: { type: "string", default: "10" },
    "mem-cap-mb": { type: "string", default: "6144" },
    "time-cap-s": { type: "string", default: "900" },
    edits: { type: "string", default: "5" },
    out: { type: "string", default: join(BENCH, "out") },
    "no-baseline": { type: "boolean", default: false },
    "no-warm": { type: "boolean", default: false },
    "no-dev": { type: "boolean", default: false },
  },
});
const sizes = values.n.split(",").map((s) => Number(s.replace(/[_\s]/g, ""))).filter((n) => Number.isInteger(n) && n > 0);
if (sizes.length === 0) throw new Error(`--n: expected sizes like 100,1000 (got "${values.n}")`);
const corpusOptions = { words: Number(values.words), questions: Number(values.questions), seed: 1 };
const caps = { memCapMb: Number(values["mem-cap-mb"]), timeCapMs: Number(values["time-cap-s"]) * 1000 };
const OUT = values.out;
const machine = { cores: availableParallelism(), cpu: cpus()[0]?.model ?? "unknown", memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version };

interface Stage {
  ms: number;
  peakMb: number;
  /** The render stage's own breakdown: shards, worker threads, and thread time in emit and in Eleventy. */
  detail?: { shards: number; workers: number; emitMs: number; renderMs: number };
}
interface Step {
  status: RunStatus;
  ms: number;
  peakMb: number;
  error?: string;
}
export interface SizeResult {
  n: number;
  at: string;
  commit: string;
  corpusMb: number;
  verbatim: Step & {
    stages: Record<string, Stage>;
    parseMbPerS: number | null;
    parseMbPerSPerThread: number | null;
    /** ingest+parse on one thread per CPU-second (see parse-rate.ts), unaffected by other load. */
    parseMbPerCpuS: number | null;
    emitMbPerCpuS: number | null;
    workers: number | null;
    pages: number | null;
  };
  /** Only when the full build failed: the same build without a search index, for dev mode and page weight. */
  pagesOnly: Step | null;
  /** A rebuild after one transcript's answer was edited: parse cache, render cache and search parts warm. */
  warm: (Step & { edited: string; loadMs: number | null; cached: number | null; reused: number | null; renderMs: number | null; indexMs: number | null }) | null;
  dev: (Step & { editsMs: number[]; medianMs: number; maxMs: number }) | null;
  weight: PageWeight | null;
  baseline: { eleventy: Step; pagefind: Step | null; ms: number | null; peakMb: number } | null;
  ratios: { total: number | null; render: number | null; index: number | null };
  /** 1-minute load average before and after: other work on the machine inflates every time above. */
  loadAverage: { before: number; after: number };
  machine: typeof machine;
}

const NODE = process.execPath;
const tsx = (script: string, arg: unknown): [string, string[]] => [NODE, ["--import", "tsx", join(BENCH, script), JSON.stringify(arg)]];
function round(x: number, d = 0): number {
  return Math.round(x * 10 ** d) / 10 ** d;
}

function step(run: MonitoredRun): Step {
  const error = run.status === "ok" ? undefined : `${run.status}${run.exitCode !== null ? ` (exit ${run.exitCode})` : ""}: ${run.stderrTail.trim().split("\n").slice(-3).join(" | ")}`;
  return { status: run.status, ms: round(run.wallMs), peakMb: round(run.peakRssMb), ...(error ? { error } : {}) };
}

function events(run: MonitoredRun, tag: string): { t: number; data: any }[] {
  return run.lines.filter((l) => l.line.startsWith(`@@${tag} `)).map((l) => ({ t: l.t, data: JSON.parse(l.line.slice(tag.length + 3)) }));
}

async function corpus(n: number): Promise<{ dir: string; bytes: number }> {
  const dir = join(OUT, `corpus-${n}-w${corpusOptions.words}-q${corpusOptions.questions}`);
  const marker = join(dir, ".complete");
  if (existsSync(marker)) return { dir, bytes: Number(await readFile(marker, "utf8")) };
  await rm(dir, { recursive: true, force: true });
  log(`N=${n}: writing the corpus`);
  const bytes = await writeCorpus(dir, n, corpusOptions);
  await writeFile(marker, String(bytes));
  return { dir, bytes };
}

function log(line: string) {
  process.stderr.write(`[bench] ${line}\n`);
}

async function benchSize(n: number): Promise<SizeResult> {
  const { dir: input, bytes } = await corpus(n);
  const loadBefore = round(loadavg()[0] ?? 0, 2);
  const work = join(OUT, `run-${n}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const buildOptions = { root: ROOT, input, output: join(work, "site"), workDir: join(work, "pages"), reportFile: join(work, "report.json"), cacheDir: join(work, "cache") };

  log(`N=${n}: Verbatim, cold build`);
  const cold = await runMonitored(...tsx("verbatim-child.ts", buildOptions), caps);
  const stages: Record<string, Stage> = {};
  let parseMbPerS: number | null = null;
  let perThread: number | null = null;
  let workers: number | null = null;
  for (const { t, data } of events(cold, "stage")) {
    if (data.stage === "load") {
      // ingest + parse (on worker threads when the archive is big enough); emit runs after the id ledger.
      const th = data.detail.threadMs as { ingest: number; parse: number };
      stages["ingest+parse"] = { ms: round(data.ms), peakMb: round(peakBetween(cold.samples, t - data.ms, t)) };
      parseMbPerS = round(data.detail.bytes / 1e6 / (data.ms / 1000), 1);
      perThread = round(data.detail.bytes / 1e6 / ((th.ingest + th.parse) / 1000), 1);
      workers = data.detail.workers;
    } else {
      stages[data.stage] = { ms: round(data.ms), peakMb: round(peakBetween(cold.samples, t - data.ms, t)), ...(data.detail && Object.keys(data.detail).length ? { detail: data.detail } : {}) };
    }
  }
  let done = events(cold, "done")[0]?.data as { urls: string[]; pages: number } | undefined;
  log(`N=${n}: ingest+parse rate per CPU-second`);
  const cpuRate = await parseRate(input);
  const verbatim = { ...step(cold), stages, parseMbPerS, parseMbPerSPerThread: perThread, parseMbPerCpuS: cpuRate.mbPerCpuS, emitMbPerCpuS: cpuRate.emitMbPerCpuS, workers, pages: done?.pages ?? null };
  let pagesOnly: Step | null = null;
  if (cold.status !== "ok") {
    // Dev mode and page weight need the pages, not the search index: build them without it.
    log(`N=${n}: the full build did not finish (${cold.status}); building the pages without a search index`);
    const p = await runMonitored(...tsx("verbatim-child.ts", { ...buildOptions, searchIndex: false }), caps);
    pagesOnly = step(p);
    done = p.status === "ok" ? (events(p, "done")[0]?.data as typeof done) : undefined;
  }
  const haveSite = done !== undefined;

  let warm: SizeResult["warm"] = null;
  if (!values["no-warm"] && cold.status === "ok") {
    // One answer edited in the middle of the archive, as when a transcript is corrected and the site rebuilt.
    const edited = `t${String(Math.floor(n / 2)).padStart(6, "0")}.txt`;
    const text = await readFile(join(input, edited), "utf8");
    const lines = text.split("\n");
    const answer = lines.findIndex((l, i) => i > lines.findIndex((q) => q.startsWith("Question: ")) && /^[^:]{3,60}: \S/.test(l));
    lines[answer] = lines[answer]!.replace(": ", ": Let me correct the record first. ");
    await writeFile(join(input, edited), lines.join("\n"));
    log(`N=${n}: Verbatim, rebuild after editing ${edited}`);
    const w = await runMonitored(...tsx("verbatim-child.ts", buildOptions), caps);
    // The corpus is kept between runs and must stay the same bytes.
    await writeFile(join(input, edited), text);
    const stageOf = (name: string) => events(w, "stage").find((e) => e.data.stage === name)?.data;
    const load = stageOf("load");
    warm = { ...step(w), edited, loadMs: load ? round(load.ms) : null, cached: load?.detail.cached ?? null, reused: stageOf("render")?.detail.reused ?? null, renderMs: stageOf("render") ? round(stageOf("render")!.ms) : null, indexMs: stageOf("index") ? round(stageOf("index")!.ms) : null };
  }

  let dev: SizeResult["dev"] = null;
  if (!values["no-dev"] && haveSite) {
    const k = Math.min(Number(values.edits), n);
    const files = Array.from({ length: k }, (_, i) => `t${String(Math.floor(((i + 0.5) * n) / k)).padStart(6, "0")}.txt`);
    log(`N=${n}: dev mode, ${k} edits`);
    const d = await runMonitored(...tsx("dev-child.ts", { dev: buildOptions, files, site: buildOptions.output }), caps);
    const editsMs = ((events(d, "edits")[0]?.data as number[] | undefined) ?? []).map((x) => round(x, 1));
    const sorted = [...editsMs].sort((a, b) => a - b);
    dev = { ...step(d), editsMs, medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, maxMs: sorted[sorted.length - 1] ?? NaN };
  }

  const weight = done ? await pageWeight(buildOptions.output, done.urls) : null;

  let baseline: SizeResult["baseline"] = null;
  if (!values["no-baseline"]) {
    const bIn = join(work, "baseline-in");
    const bOut = join(work, "baseline-site");
    await writeBaselineInput(input, bIn);
    log(`N=${n}: baseline, bare Eleventy`);
    const e = step(await runMonitored(NODE, [join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${join(BENCH, "baseline/eleventy.config.mjs")}`, `--input=${bIn}`, `--output=${bOut}`, "--quiet"], { ...caps, cwd: work }));
    let p: Step | null = null;
    if (e.status === "ok") {
      log(`N=${n}: baseline, Pagefind CLI`);
      p = step(await runMonitored(NODE, [join(ROOT, "node_modules/pagefind/lib/runner/bin.cjs"), "--site", bOut], { ...caps, cwd: work }));
    }
    baseline = { eleventy: e, pagefind: p, ms: e.status === "ok" && p?.status === "ok" ? round(e.ms + p.ms) : null, peakMb: Math.max(e.peakMb, p?.peakMb ?? 0) };
    await rm(bIn, { recursive: true, force: true });
  }

  const ratio = (a: number | undefined | null, b: number | undefined | null) => (a && b ? round(a / b, 2) : null);
  return {
    n,
    at: new Date().toISOString(),
    commit: gitCommit(),
    corpusMb: round(bytes / 1e6, 1),
    verbatim,
    pagesOnly,
    warm,
    dev,
    weight,
    baseline,
    ratios: {
      total: verbatim.status === "ok" ? ratio(verbatim.ms, baseline?.ms) : null,
      render: ratio(stages.render?.ms, baseline?.eleventy.status === "ok" ? baseline.eleventy.ms : null),
      index: ratio(stages.index?.ms, baseline?.pagefind?.status === "ok" ? baseline.pagefind.ms : null),
    },
    loadAverage: { before: loadBefore, after: round(loadavg()[0] ?? 0, 2) },
    machine,
  };
}

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head}+changes` : head;
  } catch {
    return "unknown";
  }
}

const s = (ms: number | null | undefined) => (ms === null || ms === undefined || Number.isNaN(ms) ? "–" : ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);
const mb = (x: number | null | undefined) => (x ? `${x >= 1024 ? `${(x / 1024).toFixed(1)} GB` : `${Math.round(x)} MB`}` : "–");
const x = (r: number | null) => (r === null ? "–" : `${r.toFixed(2)}×`);
const ok = (st: Step | null | undefined, text: string) => (!st ? "–" : st.status === "ok" ? text : st.status === "oom" ? `OOM (${mb(st.peakMb)})` : st.status === "timeout" ? `timeout (${s(st.ms)})` : "failed");

export function table(results: SizeResult[]): string {
  const rows = [...results].sort((a, b) => a.n - b.n);
  const out: string[] = [];
  out.push("| transcripts | corpus | ingest+parse | parse rate | per CPU-s: parse / emit | ids (ledger) | emit + Eleventy render | thread time: emit / Eleventy | data files | search index | total | without search | peak memory | rebuild, one answer edited | dev: edit → page | page (br, +CSS) |");
  out.push("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const v = r.verbatim;
    const noSearch = v.status === "ok" ? v.ms - (v.stages.index?.ms ?? 0) : r.pagesOnly?.status === "ok" ? r.pagesOnly.ms : null;
    const st = v.stages;
    out.push(`| ${r.n.toLocaleString("en-US")} | ${r.corpusMb} MB | ${s(st["ingest+parse"]?.ms)} | ${v.parseMbPerS ?? "–"} MB/s | ${v.parseMbPerCpuS ?? "–"} / ${v.emitMbPerCpuS ?? "–"} MB/s | ${s(st.ids?.ms)} | ${st.emit && st.render ? s(st.emit.ms + st.render.ms) : "–"} | ${st.render?.detail ? `${s(st.render.detail.emitMs)} / ${s(st.render.detail.renderMs)} (${st.render.detail.shards} run${st.render.detail.shards > 1 ? "s" : ""}, ${st.render.detail.workers || 1} thread${st.render.detail.workers > 1 ? "s" : ""})` : "–"} | ${s(st.data?.ms)} | ${s(st.index?.ms)} | ${ok(v, s(v.ms))} | ${s(noSearch)} | ${mb(v.peakMb)} | ${ok(r.warm, `${s(r.warm?.ms)}${r.warm?.reused != null ? ` (${r.warm.reused.toLocaleString("en-US")} kept)` : ""}`)} | ${r.dev && r.dev.status === "ok" ? `${Math.round(r.dev.medianMs)} ms (max ${Math.round(r.dev.maxMs)})` : ok(r.dev, "")} | ${r.weight ? `${r.weight.medianKb} KB (max ${r.weight.maxKb})` : "–"} |`);
  }
  out.push("");
  out.push("| transcripts | bare Eleventy | Pagefind CLI | baseline total | baseline peak | Verbatim total | total ratio | render ratio | index ratio |");
  out.push("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const b = r.baseline;
    out.push(`| ${r.n.toLocaleString("en-US")} | ${ok(b?.eleventy, s(b?.eleventy.ms))} | ${b?.pagefind ? ok(b.pagefind, s(b.pagefind.ms)) : b ? "not run" : "–"} | ${s(b?.ms)} | ${mb(b?.peakMb)} | ${ok(r.verbatim, s(r.verbatim.ms))} | ${x(r.ratios.total)} | ${x(r.ratios.render)} | ${x(r.ratios.index)} |`);
  }
  return out.join("\n");
}

const machineNow = { cores: availableParallelism(), cpu: cpus()[0]?.model ?? "unknown", memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, loadAverageAtStart: loadavg().map((l) => round(l, 2)), freeMemoryGbAtStart: round(freemem() / 2 ** 30, 1) };
await mkdir(OUT, { recursive: true });
const results: SizeResult[] = [];
for (const n of sizes) {
  const r = await benchSize(n);
  results.push(r);
  log(`N=${n}: done in ${s(r.verbatim.ms)} (${r.verbatim.status})`);
}
const run = { machine: machineNow, corpus: corpusOptions, caps, results };
await writeFile(join(OUT, "results.json"), JSON.stringify(run, null, 2) + "\n");

// The committed copy keeps the newest result for every size, so sizes can be run separately.
const latestFile = join(BENCH, "results/latest.json");
const previous = existsSync(latestFile) ? (JSON.parse(await readFile(latestFile, "utf8")) as { results: SizeResult[] }).results : [];
const merged = [...previous.filter((p) => !sizes.includes(p.n)), ...results].sort((a, b) => a.n - b.n);
await mkdir(join(BENCH, "results"), { recursive: true });
await writeFile(latestFile, JSON.stringify({ corpus: corpusOptions, caps, results: merged }, null, 2) + "\n");
await writeFile(join(BENCH, "results/latest.md"), `${table(merged)}\n`);
process.stdout.write(`\n${table(results)}\n\nwritten: ${join(OUT, "results.json")}, bench/results/latest.{json,md}\n`);
