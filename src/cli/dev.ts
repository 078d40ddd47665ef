import { watch, type FSWatcher } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build, REPORT_FILE, type BuildReport } from "../build/build.js";
import { CACHE_DIR, openCache } from "../build/cache.js";
import { processFile, type ProcessContext } from "../build/process-file.js";
import { renderTranscriptPage } from "../build/render-one.js";
import { loadSiteConfig } from "../config/site-config.js";
import { serveDir, type StaticServer } from "./static-server.js";

export interface DevOptions {
  root?: string;
  input?: string;
  output?: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Run a full build first (default). false: serve what the last build left in `output`, using its report. */
  build?: boolean;
  /** Once edits settle, rebuild everything in the background (home page, search index); default true. */
  rebuild?: boolean;
  rebuildDelayMs?: number;
  cacheDir?: string;
  workDir?: string;
  reportFile?: string;
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

/**
 * `verbatim dev`: build, serve the site on 127.0.0.1, watch the transcripts. An edited transcript's page is
 * rewritten on its own (ingest, parse, emit and the page template for that one file, see render-one.ts), so
 * it shows in well under a second however big the archive; the pages that list or index every transcript
 * (home, search) follow from a cached full rebuild in the background once edits settle. Served at "/".
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
  const scratch = `${workDir}-dev`;
  await mkdir(scratch, { recursive: true });
  const buildOnce = () => build({ root, input: site.input, output: site.output, pathPrefix: "/", cacheDir: cacheRoot, workDir, reportFile, log });

  const urls = new Map<string, string>();
  const remember = (report: Pick<BuildReport, "transcripts">) => {
    urls.clear();
    for (const t of report.transcripts) urls.set(t.file, t.url);
  };
  remember(options.build === false ? (JSON.parse(await readFile(reportFile, "utf8")) as BuildReport) : await buildOnce());
  const ctx: ProcessContext = { parse: { aliases: site.aliases }, parseJson: JSON.stringify({ aliases: site.aliases }), cacheDir: await openCache(cacheRoot) };

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
      remember(await buildOnce());
      options.onUpdate?.({ file: "", kind: "rebuilt", url: null, ms: performance.now() - started });
      log(`rebuilt the whole site in ${((performance.now() - started) / 1000).toFixed(1)} s`);
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
    const old = urls.get(file);
    if (!exists) {
      if (old === undefined) return;
      urls.delete(file);
      await rm(pageFile(outDir, old), { force: true });
      options.onUpdate?.({ file, kind: "removed", url: old, ms: performance.now() - since });
      log(`${file}: removed ${old}`);
      scheduleRebuild();
      return;
    }
    const outPath = join(scratch, `${file.split("/").join("__")}.md`);
    const result = await processFile({ file, path, outPath }, ctx);
    if (!result.ok) {
      log(`${file}:0: error: ${result.reason}; page not updated`);
      return;
    }
    for (const w of result.summary.warnings) log(`${file}:${w.line}: ${w.severity}: ${w.message}`);
    const page = renderTranscriptPage(await readFile(outPath, "utf8"), site);
    const taken = [...urls].find(([f, u]) => u === page.url && f !== file);
    if (taken) {
      log(`${file}: ${page.url} is also ${taken[0]}'s URL; the background rebuild decides which gets "-2"`);
    } else {
      await writeAtomically(pageFile(outDir, page.url), page.html);
      if (old !== undefined && old !== page.url) await rm(pageFile(outDir, old), { force: true });
      urls.set(file, page.url);
      options.onUpdate?.({ file, kind: "page", url: page.url, ms: performance.now() - since });
      log(`${file}: rewrote ${page.url} in ${(performance.now() - since).toFixed(0)} ms`);
    }
    scheduleRebuild();
  };

  const watcher = await watchTree(inputDir, (file) => {
    if (file.split("/").some((part) => part.startsWith("."))) return;
    const since = performance.now();
    clearTimeout(timers.get(file));
    timers.set(file, setTimeout(() => {
      timers.delete(file);
      queue = queue.then(() => update(file, since)).catch((err) => log(`${file}: ${(err as Error).message}`));
    }, SETTLE_MS));
  });

  // Load and compile the parser, emitter, Markdown renderer and page template once now, not on the first edit.
  const first = urls.keys().next().value;
  if (first !== undefined) {
    const warm = await processFile({ file: first, path: join(inputDir, first), outPath: join(scratch, "warm-up.md") }, { ...ctx, cacheDir: null });
    if (warm.ok) renderTranscriptPage(await readFile(join(scratch, "warm-up.md"), "utf8"), site);
  }

  const server: StaticServer = await serveDir(outDir, options.port ?? 0);
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

function pageFile(outDir: string, url: string): string {
  return join(outDir, ...url.split("/").filter(Boolean), "index.html");
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
  const { values } = parseArgs({
    args,
    options: {
      input: { type: "string" },
      out: { type: "string" },
      port: { type: "string", default: "8080" },
      "no-build": { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`verbatim dev: --port must be a port number, not "${values.port}"\n`);
    return 2;
  }
  const session = await startDev({ input: values.input, output: values.out, port, build: !values["no-build"], log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`Verbatim dev server at ${session.url} (Ctrl+C to stop)\n`);
  await new Promise<void>((done) => {
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
  await session.close();
  return 0;
}
