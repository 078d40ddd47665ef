import { watch, type FSWatcher } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build, LEDGER_FILE, REPORT_FILE, type BuildReport } from "../build/build.js";
import { dedupeUrls } from "../build/dedupe-urls.js";
import { CACHE_DIR, openCache } from "../build/cache.js";
import { DEFAULT_MAX_FILE_BYTES, loadTranscripts } from "../build/load.js";
import { processFile, type ProcessContext } from "../build/process-file.js";
import { renderTranscriptFiles, withItem } from "../build/render-one.js";
import { transcriptItem } from "../site/site-index.js";
import { ConfigError, loadSiteConfig } from "../config/site-config.js";
import { answerUrl } from "../emit/answer-pages.js";
import { pageUrl } from "../emit/page-url.js";
import { emptyLedger, readLedger, type Ledger } from "../ids/ledger-file.js";
import { reconcile, type ReconcileMemo } from "../ids/reconcile.js";
import { sectionText, type SectionText } from "../ids/text.js";
import type { Transcript } from "../model/transcript.js";
import { newestFirst, type TranscriptItem } from "../site/collections.js";
import { PortError, serveDir, type StaticServer } from "./static-server.js";

export interface DevOptions {
  root?: string;
  input?: string;
  output?: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Run a full build first (default). false: serve what the last build left in `output`. */
  build?: boolean;
  /** Once edits settle, rebuild everything in the background (home page, search index); default true. */
  rebuild?: boolean;
  rebuildDelayMs?: number;
  cacheDir?: string;
  workDir?: string;
  reportFile?: string;
  /** The id ledger, read but never written by dev (default: LEDGER_FILE in the input folder). */
  ledgerFile?: string;
  log?: (line: string) => void;
  /** Called after each page is rewritten or removed, with the time from the file system event. */
  onUpdate?: (update: DevUpdate) => void;
}

export interface DevUpdate {
  file: string;
  kind: "page" | "removed" | "rebuilt";
  url: string | null;
  ms: number;
}

export interface DevSession {
  url: string;
  close(): Promise<void>;
}

/** Editors save in several steps (truncate, write, rename); wait this long for a file's events to settle. */
const SETTLE_MS = 20;

type Parsed = { file: string; t: Transcript };

/**
 * `verbatim dev`: build, serve the site on 127.0.0.1, watch the transcripts. An edited transcript's files
 * (its page, its answer pages, its index.json and index.md) are rewritten on their own: ingest and parse of
 * that one file, then the same URL de-duplication and id reconciliation against the ledger as a full build
 * (over all transcripts, held parsed in memory), then the same emit and page templates (see render-one.ts).
 * The pages that list every transcript (home, years, speakers, search) follow from a full rebuild in the
 * background once edits settle. The id ledger is read, never written: ids are published by `verbatim build`.
 * The port is taken before the first build, so a busy one (PortError) is reported at once, not after it.
 */
export async function startDev(options: DevOptions = {}): Promise<DevSession> {
  const root = resolve(options.root ?? process.cwd());
  const log = options.log ?? (() => {});
  const site = loadSiteConfig(root, { input: options.input, output: options.output, pathPrefix: "/" });
  const inputDir = resolve(root, site.input);
  const outDir = resolve(root, site.output);
  const cacheRoot = resolve(root, options.cacheDir ?? CACHE_DIR);
  const workDir = resolve(root, options.workDir ?? ".verbatim/pages");
  const reportFile = resolve(root, options.reportFile ?? REPORT_FILE);
  const ledgerFile = resolve(root, options.ledgerFile ?? join(inputDir, LEDGER_FILE));
  const buildOnce = () =>
    build({ root, input: site.input, output: site.output, pathPrefix: "/", cacheDir: cacheRoot, workDir, reportFile, ledgerFile, updateLedger: false, collectGarbage: false, log });
  // Requests read `outDir` as it is then: until the first build is swapped in, the last build's site or nothing.
  const server: StaticServer = await serveDir(outDir, options.port ?? 0);
  // Until the session is handed back, a failure frees the port (and the watches) before it is passed on.
  const undo: (() => unknown)[] = [() => server.close()];
  const orUndo = async <T>(step: () => T | Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (err) {
      for (const u of undo.reverse()) await u();
      throw err;
    }
  };
  const ctx: ProcessContext = { parse: { aliases: site.aliases }, parseJson: JSON.stringify({ aliases: site.aliases }), cacheDir: await orUndo(() => openCache(cacheRoot)) };

  // What the last full build published, as dev's fast path recomputes it: transcripts as parsed (file-name
  // order), the ledger, the transcripts collection, and each file's output URLs (to remove stale ones).
  let parsed: Parsed[] = [];
  let ledger: Ledger = emptyLedger();
  let items: TranscriptItem[] = [];
  const outputs = new Map<string, string[]>();
  const pageOf = new Map<string, string>();
  // The ledger as a build would read it now: a `verbatim build` run beside dev may have written it.
  let ledgerStamp = "";
  const freshLedger = async () => {
    const s = await stat(ledgerFile).then((i) => `${i.mtimeMs}:${i.size}`, () => "none");
    if (s !== ledgerStamp) {
      ledger = await readLedger(ledgerFile);
      ledgerStamp = s;
    }
  };
  // Section texts depend on the sections only, which a parse creates once and nothing changes afterwards. The
  // parse (worker or cache) made them already; sectionText here is only a fallback.
  const texts = new WeakMap<Transcript["sections"], SectionText[]>();
  const textsOf = (t: Transcript): SectionText[] => {
    let x = texts.get(t.sections);
    if (!x) texts.set(t.sections, (x = t.sections.map(sectionText)));
    return x;
  };
  // Only the edited transcript (a new object) is reconciled again on an edit; the others reuse their results.
  const memo: ReconcileMemo = new WeakMap();
  const settle = (list: Parsed[]) => {
    const copy = list.map((p) => ({ ...p }));
    dedupeUrls(copy, { diagnostics: [] }, ledger, textsOf);
    const ids = reconcile(ledger, copy.map((p) => p.t), textsOf, { memo });
    return copy.map((p, i) => ({ file: p.file, t: ids.transcripts[i] ?? p.t, links: ids.links[i] }));
  };
  const outputsOf = (t: Transcript): string[] => {
    const url = pageUrl(t);
    return [url, `${url}index.json`, `${url}index.md`, ...t.sections.flatMap((s) => (s.kind === "qa" ? [answerUrl(url, s.id)] : []))];
  };
  const resync = async () => {
    const loaded = await loadTranscripts(inputDir, { aliases: site.aliases, maxBytes: DEFAULT_MAX_FILE_BYTES, cacheDir: ctx.cacheDir });
    for (const p of loaded.parsed) texts.set(p.t.sections, p.texts);
    parsed = loaded.parsed.map((p) => ({ file: p.file, t: p.t }));
    await freshLedger();
    const settled = settle(parsed);
    items = settled.map((p) => transcriptItem(p.t, p.file)).sort(newestFirst);
    outputs.clear();
    pageOf.clear();
    for (const p of settled) {
      outputs.set(p.file, outputsOf(p.t));
      pageOf.set(p.file, pageUrl(p.t));
    }
  };

  if (options.build !== false) await orUndo(buildOnce);
  await orUndo(resync);

  let queue = Promise.resolve();
  let building = false;
  let rebuildTimer: NodeJS.Timeout | null = null;
  const changedDuringBuild = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();

  const scheduleRebuild = () => {
    if (options.rebuild === false) return;
    if (rebuildTimer) clearTimeout(rebuildTimer);
    rebuildTimer = setTimeout(() => void (queue = queue.then(rebuild)), options.rebuildDelayMs ?? 1500);
  };
  const rebuild = async () => {
    building = true;
    changedDuringBuild.clear();
    const started = performance.now();
    try {
      const report: BuildReport = await buildOnce();
      await resync();
      options.onUpdate?.({ file: "", kind: "rebuilt", url: null, ms: performance.now() - started });
      log(`rebuilt the whole site (${report.pages} pages) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      log(`rebuild failed: ${(err as Error).message}; the site still shows the last good build plus edited pages`);
    } finally {
      building = false;
    }
    // A page rewritten while the rebuild ran may have been swapped out with the old site: write it again.
    for (const file of [...changedDuringBuild]) await update(file, performance.now());
  };

  const update = async (file: string, since: number) => {
    if (building) changedDuringBuild.add(file);
    const path = join(inputDir, file);
    const exists = await stat(path).then((s) => s.isFile(), () => false);
    const old = pageOf.get(file);
    const at = parsed.findIndex((p) => p.file === file);
    if (!exists) {
      if (at < 0) return;
      parsed.splice(at, 1);
      for (const url of outputs.get(file) ?? []) await rm(outputFile(outDir, url), { force: true });
      outputs.delete(file);
      pageOf.delete(file);
      items = items.filter((i) => i.url !== old);
      options.onUpdate?.({ file, kind: "removed", url: old ?? null, ms: performance.now() - since });
      log(`${file}: removed ${old}`);
      scheduleRebuild();
      return;
    }
    const result = await processFile({ file, path, maxBytes: DEFAULT_MAX_FILE_BYTES }, ctx);
    if (!result.ok) {
      log(`${file}:0: error: ${result.reason}; page not updated`);
      return;
    }
    for (const w of result.t.warnings) log(`${file}:${w.line}: ${w.severity}: ${w.message}`);
    texts.set(result.t.sections, result.texts);
    if (at >= 0) parsed[at] = { file, t: result.t };
    else {
      parsed.push({ file, t: result.t });
      parsed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    }
    await freshLedger();
    const settled = settle(parsed);
    const mine = settled.find((p) => p.file === file)!;
    items = withItem(items, old, transcriptItem(mine.t, file));
    const files = renderTranscriptFiles(mine.t, file, mine.links, site, items);
    for (const f of files) await writeAtomically(outputFile(outDir, f.url), f.text);
    const now = new Set(files.map((f) => f.url));
    for (const url of outputs.get(file) ?? []) if (!now.has(url)) await rm(outputFile(outDir, url), { force: true });
    outputs.set(file, [...now]);
    const url = pageUrl(mine.t);
    pageOf.set(file, url);
    options.onUpdate?.({ file, kind: "page", url, ms: performance.now() - since });
    log(`${file}: rewrote ${url} and its ${files.length - 3} answer page(s) in ${(performance.now() - since).toFixed(0)} ms`);
    scheduleRebuild();
  };

  const watcher = await orUndo(() => watchTree(inputDir, (file) => {
    if (file.split("/").some((part) => part.startsWith("."))) return;
    const since = performance.now();
    clearTimeout(timers.get(file));
    timers.set(file, setTimeout(() => {
      timers.delete(file);
      queue = queue.then(() => update(file, since)).catch((err) => log(`${file}: ${(err as Error).message}`));
    }, SETTLE_MS));
  }));
  undo.push(() => watcher.close());

  // Compile the emitter, Markdown renderer and page templates once now, not on the first edit.
  await orUndo(() => {
    const first = settle(parsed.slice(0, 1))[0];
    if (first) renderTranscriptFiles(first.t, first.file, first.links, site, items);
  });

  log(`serving ${outDir} at ${server.url}; watching ${inputDir}`);
  return {
    url: server.url,
    async close() {
      watcher.close();
      for (const t of timers.values()) clearTimeout(t);
      if (rebuildTimer) clearTimeout(rebuildTimer);
      await queue;
      await server.close();
    },
  };
}

/**
 * Watches `dir` and its sub-folders with one inotify watch per folder. Not fs.watch's `recursive` option: on
 * Linux, Node 20 implements it by polling every file with stat, which at 10,000 transcripts is slow and busy.
 */
async function watchTree(dir: string, onFile: (file: string) => void): Promise<{ close(): void }> {
  const watchers = new Map<string, FSWatcher>();
  const add = async (rel: string) => {
    if (watchers.has(rel)) return;
    const abs = rel ? join(dir, rel) : dir;
    const w = watch(abs, (_event, name) => {
      if (!name) return;
      const file = rel ? `${rel}/${name}` : String(name);
      void stat(join(dir, file)).then((s) => (s.isDirectory() ? add(file) : onFile(file)), () => onFile(file));
    });
    w.on("error", () => {
      w.close();
      watchers.delete(rel);
    });
    watchers.set(rel, w);
    for (const e of await readdir(abs, { withFileTypes: true })) if (e.isDirectory() && !e.name.startsWith(".")) await add(rel ? `${rel}/${e.name}` : e.name);
  };
  await add("");
  return { close: () => { for (const w of watchers.values()) w.close(); } };
}

/** A page URL ("/a/b/") is its folder's index.html; a file URL ("/a/b/index.json") is that file. */
function outputFile(outDir: string, url: string): string {
  const parts = url.split("/").filter(Boolean);
  return url.endsWith("/") ? join(outDir, ...parts, "index.html") : join(outDir, ...parts);
}

/** Write then rename, so the server never sends half a page. */
async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(join(path, ".."), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

/** `verbatim dev [--input DIR] [--out DIR] [--port N] [--no-build]`: runs until interrupted. */
export async function runDev(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        input: { type: "string" },
        out: { type: "string" },
        port: { type: "string", default: "8080" },
        "no-build": { type: "boolean", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`verbatim dev: ${(e as Error).message}\nusage: verbatim dev [--input DIR] [--out DIR] [--port N] [--no-build]; see verbatim dev --help\n`);
    return 2;
  }
  const { values } = parsed;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`verbatim dev: --port must be a port number, not "${values.port}"\n`);
    return 2;
  }
  let session: DevSession;
  try {
    session = await startDev({ input: values.input, output: values.out, port, build: !values["no-build"], log: (line) => process.stderr.write(`${line}\n`) });
  } catch (e) {
    if (e instanceof PortError) {
      process.stderr.write(`verbatim dev: ${e.message}; choose another with --port N\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      process.stderr.write(`verbatim: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`verbatim dev: failed: ${(e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`Verbatim dev server at ${session.url} (Ctrl+C to stop)\n`);
  await new Promise<void>((done) => {
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
  await session.close();
  return 0;
}
