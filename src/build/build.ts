import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { loadSiteConfig } from "../config/site-config.js";
import { pageUrl } from "../emit/page-url.js";
import { LEDGER_FILE, readLedger, removeStaleStaging, stageLedger, type Ledger, type StagedLedger } from "../ids/ledger-file.js";
import { reconcile, type Reconciled } from "../ids/reconcile.js";
import { sectionText, type SectionText } from "../ids/text.js";
import type { Transcript } from "../model/transcript.js";
import { indexSiteFiles } from "../search/index-in-worker.js";
import { PAGES_DIR } from "../site/eleventy-config.js";
import { siteIndex } from "../site/site-index.js";
import { CACHE_DIR, openCache, pruneCache } from "./cache.js";
import { collectGarbage } from "./collect-garbage.js";
import { archiveFiles, writeDataFiles } from "./data-files.js";
import { dedupeUrls } from "./dedupe-urls.js";
import { assertSafeFolders } from "./folders.js";
import { loadTranscripts, type FileDiagnostic } from "./load.js";
import { silentProgress, type Progress } from "./progress.js";
import { readRenderManifest, RENDER_MANIFEST, renderFingerprint, writeRenderManifest, type RenderReuse } from "./render-cache.js";
import { renderSite } from "./render.js";
import type { ShardJob } from "./render-shard.js";
import { renderShards } from "./render-shards.js";
import { swapIn } from "./swap.js";

export type { FileDiagnostic } from "./load.js";

export interface BuildOptions {
  /** Project root (where .eleventy.js and verbatim.config.json are); defaults to the current folder. */
  root?: string;
  input?: string;
  output?: string;
  /** Scratch folder for emitted pages; separate builds (tests, benchmarks) need separate ones. */
  workDir?: string;
  pathPrefix?: string;
  baseUrl?: string;
  /** Site title, description and language, overriding verbatim.config.json. */
  title?: string;
  description?: string;
  language?: string;
  /** Where the JSON build report goes (removed lines, diagnostics). */
  reportFile?: string;
  /** The id ledger (README, "Anchor and URL contract"); defaults to LEDGER_FILE inside the input folder. */
  ledgerFile?: string;
  log?: (line: string) => void;
  /** Progress of the stages (see src/build/progress.ts); silent by default. */
  progress?: Progress;
  /** Files over this size are refused (default DEFAULT_MAX_FILE_BYTES in load.ts). */
  maxFileBytes?: number;
  /** Aborting stops the build between stages; the previous site stays as it was. */
  signal?: AbortSignal;
  /**
   * Content-hash cache of parsed transcripts (default .verbatim/cache); false: parse and render everything.
   * Unless false, unchanged transcripts' pages are also reused from the previous build (src/build/render-cache.ts).
   */
  cacheDir?: string | false;
  /** Worker threads for ingest + parse; default one per core when the archive is big enough. */
  workers?: number;
  /** false: no Pagefind index (the bench's dev-mode measurement, which needs pages only). */
  searchIndex?: boolean;
  /** false: read the id ledger but never write it (`verbatim dev`); default true. */
  updateLedger?: boolean;
  /**
   * false: no full garbage collection before rendering (`verbatim dev`, whose own thread keeps every transcript
   * parsed: a collection there would find little to free and stop the dev server for seconds); default true.
   */
  collectGarbage?: boolean;
  /** Worker threads rendering shards (0: this thread); default one per core when there are several shards. */
  renderWorkers?: number;
  /** Transcripts per Eleventy run (default SHARD_SIZE): bounds the renderer's memory whatever the archive's size. */
  shardSize?: number;
  /** Called as each stage ends, with its wall time (for the benchmark). */
  onStage?: (stage: string, ms: number, detail?: object) => void;
}

export interface BuildReport {
  transcripts: { file: string; url: string; title: string; date: string | null; sections: number; removed: Transcript["removed"] }[];
  failed: { file: string; reason: string }[];
  diagnostics: FileDiagnostic[];
  pages: number;
  indexed: number;
  ms: number;
}

export const REPORT_FILE = ".verbatim/build-report.json";
/** The id ledger lives with the transcripts it describes (the loader skips dot-files). */
export { LEDGER_FILE };

/**
 * Settles URLs and ids against the ledger (`parsed` gets the reconciled transcripts) and stages the new ledger
 * in `ledgerFile` when there is one. A function of its own so that both ledgers' objects are gone when it returns.
 */
async function settleIds(parsed: { file: string; t: Transcript }[], report: BuildReport, read: { pending: Promise<Ledger> | null }, textsOf: (t: Transcript) => SectionText[], ledgerFile: string | null, state: PublishState): Promise<{ links: Reconciled["links"] }> {
  const pending = read.pending!;
  read.pending = null;
  const ledger = await pending;
  dedupeUrls(parsed, report, ledger, textsOf);
  const ids = reconcile(ledger, parsed.map((p) => p.t), textsOf);
  parsed.forEach((p, i) => (p.t = ids.transcripts[i] ?? p.t));
  if (ledgerFile) state.staged = await stageLedger(ledgerFile, ids.ledger);
  return { links: ids.links };
}

/**
 * Eleventy keeps every page of a run, its data and its output in memory until the run ends, and a worker's heap
 * grows well past what a run keeps alive before it is collected: at 10,000 transcripts, runs of 250 peaked at
 * 4.2 GB for the whole build, runs of 125 at 3.2 GB for about 10% more render time.
 */
export const SHARD_SIZE = 125;

/**
 * ingest -> parse -> emit -> Eleventy -> Pagefind. Renders into a sibling folder and swaps it in only when
 * everything succeeded, so a failed build leaves the previous site untouched. One unreadable transcript is
 * reported and skipped; it never stops the others.
 */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const state: PublishState = { staged: null, published: false };
  try {
    return await buildSite(options, state);
  } catch (err) {
    if (!state.published) {
      // Nothing was published, so nothing is recorded: the staged ledger goes, the committed one stays.
      await state.staged?.discard();
      throw err;
    }
    // The new site is live and its ids are recorded; only the bookkeeping after the swap failed.
    throw new PublishedError(`the site was published, but ${(err as Error).message}`);
  }
}

/** The build failed after the new site replaced the old one (writing the render manifest or the report). */
export class PublishedError extends Error {
  override name = "PublishedError";
}

/** What build() must undo if buildSite fails: the staged ledger, unless the site it records was published. */
interface PublishState {
  staged: StagedLedger | null;
  published: boolean;
}

async function buildSite(options: BuildOptions, state: PublishState): Promise<BuildReport> {
  const started = Date.now();
  const root = resolve(options.root ?? process.cwd());
  const progress = options.progress ?? silentProgress;
  const log = options.log ?? ((line: string) => progress.note(line));
  const checkpoint = () => options.signal?.throwIfAborted();
  let mark = started;
  const stage = (name: string, detail?: object) => {
    const now = Date.now();
    options.onStage?.(name, now - mark, detail);
    mark = now;
  };
  const site = loadSiteConfig(root, { input: options.input, output: options.output, pathPrefix: options.pathPrefix, baseUrl: options.baseUrl, title: options.title, description: options.description, language: options.language });
  const inputDir = resolve(root, site.input);
  const outDir = resolve(root, site.output);
  const partial = `${outDir}.partial`;
  await assertSafeFolders(root, inputDir, outDir);

  const cacheDir = options.cacheDir === false ? null : await openCache(resolve(root, options.cacheDir ?? CACHE_DIR));
  // The ledger is read (and validated) while the workers parse: the main thread is mostly waiting then. A
  // damaged ledger still fails the build, once the transcripts are loaded.
  const ledgerFile = resolve(root, options.ledgerFile ?? join(inputDir, LEDGER_FILE));
  // Read while the transcripts load, in a holder that settleIds empties: the promise would hold the ledger too.
  const ledgerRead: { pending: Promise<Ledger> | null } = { pending: readLedger(ledgerFile) };
  ledgerRead.pending!.catch(() => {});
  // ingest + parse on worker threads when the archive is big enough; unchanged files come from the cache.
  const loaded = await loadTranscripts(inputDir, {
    aliases: site.aliases,
    maxBytes: options.maxFileBytes,
    cacheDir,
    workers: options.workers,
    onFile: (done, total, file) => {
      if (done === 1) progress.stage("reading", total);
      progress.tick(done, file);
    },
  });
  if (cacheDir) await pruneCache(cacheDir, loaded.keys);
  stage("load", { bytes: loaded.bytes, cached: loaded.cached, workers: loaded.workers, threadMs: loaded.threadMs });
  checkpoint();
  const report: BuildReport = { transcripts: [], failed: loaded.failed, diagnostics: loaded.diagnostics, pages: 0, indexed: 0, ms: 0 };
  const parsed = loaded.parsed;
  // Section texts come from the parse workers (or the cache); they depend on the sections only, which
  // dedupeUrls (slugs) and reconcile (ids) leave as they are.
  const textsBySections = new Map(parsed.map((p) => [p.t.sections, p.texts]));
  const textsOf = (t: Transcript) => textsBySections.get(t.sections) ?? t.sections.map(sectionText);
  log(`parsed ${parsed.length} transcript(s), ${report.failed.length} unreadable`);
  // Neither the ledger read nor the one written back is held past this point: at 10,000 transcripts each is
  // 150 MB of sketches on disk and several times that in memory. The new one is staged on disk and only
  // committed once the site is published (and never by dev's background rebuilds of drafts). A staged ledger
  // left by a build that was killed (not one that failed: build() discards those) is stale.
  if (options.updateLedger !== false) await removeStaleStaging(ledgerFile);
  const { links } = await settleIds(parsed, report, ledgerRead, textsOf, options.updateLedger === false ? null : ledgerFile, state);
  stage("ids");

  const pagesDir = resolve(root, options.workDir ?? PAGES_DIR);
  await rm(pagesDir, { recursive: true, force: true });
  const shardSize = Math.max(1, options.shardSize ?? SHARD_SIZE);
  const jobs: ShardJob[] = [];
  const jobsDir = join(pagesDir, "jobs");
  await mkdir(jobsDir, { recursive: true });
  for (let first = 0; first < parsed.length; first += shardSize) {
    const name = `shard-${String(jobs.length).padStart(3, "0")}`;
    const items = parsed.slice(first, first + shardSize).map(({ file, t }, k) => ({ file, t, links: links[first + k] }));
    // On disk, not in this thread's memory: the render workers read their shard when they start it.
    await writeFile(join(jobsDir, `${name}.json`), JSON.stringify(items));
    jobs.push({ dir: join(pagesDir, name), first, itemsFile: join(jobsDir, `${name}.json`) });
  }
  for (const { file, t } of parsed) report.transcripts.push({ file, url: pageUrl(t), title: t.title, date: t.date, sections: t.sections.length, removed: t.removed });
  // The list pages render from the whole archive's index, in a run of their own with no page files.
  const archive = siteIndex(parsed);
  const listsDir = join(pagesDir, "lists");
  await mkdir(listsDir, { recursive: true });
  const dataFiles = archiveFiles(site, parsed);
  // From here on the parsed transcripts are on disk only, in the shards' files: this thread's memory falls
  // before the render workers start.
  const count = parsed.length;
  parsed.length = 0;
  textsBySections.clear();
  if (options.collectGarbage !== false) collectGarbage();
  stage("emit");

  // The previous build's pages for unchanged transcripts, taken from the live site before it is replaced.
  const manifestFile = join(dirname(pagesDir), RENDER_MANIFEST);
  const reuse: RenderReuse | undefined = cacheDir ? { from: outDir, entries: await readRenderManifest(manifestFile, outDir), fingerprint: renderFingerprint(root, site) } : undefined;
  await rm(partial, { recursive: true, force: true });
  try {
    return await finish();
  } catch (err) {
    // Nothing half-built is left behind; the previous site was never touched (build() discards the ledger).
    await rm(partial, { recursive: true, force: true });
    throw err;
  } finally {
    progress.end();
  }

  async function finish(): Promise<BuildReport> {
    checkpoint();
    const runs = jobs.length;
    log(`rendering ${count} transcript page(s) with Eleventy${runs > 1 ? ` in ${runs} runs` : ""}`);
    progress.stage("rendering pages", runs);
    const shards = await renderShards(jobs, { root, site, outDir: partial, archive, reuse }, { workers: options.renderWorkers, signal: options.signal, onShard: (done) => progress.tick(done, `shard ${done} of ${runs}`) });
    const rendered = shards.results.flatMap((r) => r.files);
    rendered.push(...(await renderSite(root, site, listsDir, partial, { mode: "lists", index: archive })));
    report.pages = rendered.length;
    const sum = (k: "emitMs" | "renderMs" | "reused") => Math.round(shards.results.reduce((n, r) => n + r[k], 0));
    const reused = sum("reused");
    stage("render", { shards: runs, workers: shards.workers, emitMs: sum("emitMs"), renderMs: sum("renderMs"), reused });
    log(`rendered ${rendered.length} page(s)${reused ? `, of which the pages of ${reused} unchanged transcript(s) were kept from the previous build` : ""}`);
    await writeDataFiles(partial, site, dataFiles, rendered.map((r) => r.url));
    stage("data");
    checkpoint();

    const index = options.searchIndex === false ? { pages: 0, errors: [] as string[] } : await indexSiteFiles(
      // Only pages that opt in (data-pagefind-body) are indexed; parsing the rest (answer pages, archives) is wasted work.
      // Read back from disk one at a time: the rendered archive is never held in memory at once.
      rendered.filter((r) => r.searchable).map((r) => ({ path: relative(partial, r.outputPath), file: r.outputPath })),
      join(partial, "pagefind"),
      // Parts of the search index whose pages did not change are reused from the previous build.
      // Every record is indexed as the site's language, the language of the search page that loads the index.
      { cacheDir: join(dirname(pagesDir), "search-cache"), language: site.language, log },
    );
    if (index.errors.length) throw new Error(`search index failed: ${index.errors.join("; ")}`);
    report.indexed = index.pages;
    stage("index");
    log(`indexed ${index.pages} page(s) for search`);
    checkpoint();

    await swapIn(partial, outDir);
    state.published = true;
    // The ids are recorded as soon as they are live, whatever happens after.
    if (await state.staged?.commit()) log(`updated the id ledger ${relative(root, ledgerFile) || ledgerFile}`);
    // Only now do the manifest's files exist where it says; a build that fails earlier leaves the old one true.
    if (reuse) await writeRenderManifest(manifestFile, outDir, shards.results.flatMap((r) => r.entries));
    stage("swap");
    report.ms = Date.now() - started;
    const reportFile = resolve(root, options.reportFile ?? REPORT_FILE);
    await mkdir(dirname(reportFile), { recursive: true });
    await writeFile(reportFile, JSON.stringify({ ...report, ms: undefined }, null, 2) + "\n");
    return report;
  }
}

