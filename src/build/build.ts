import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { loadSiteConfig } from "../config/site-config.js";
import { emitMarkdown } from "../emit/markdown.js";
import { pageUrl } from "../emit/page-url.js";
import type { Transcript } from "../model/transcript.js";
import { indexSite } from "../search/index-site.js";
import { PAGES_DIR } from "../site/eleventy-config.js";
import { readTranscript } from "../ingest/read-transcript.js";
import { parseTranscript, type ParseOptions } from "../parse/parse.js";
import { CACHE_DIR, openCache, pruneCache } from "./cache.js";
import { loadAndEmit, type Emitted } from "./load.js";
import { renderSite } from "./render.js";
import { swapIn } from "./swap.js";

export type { FileDiagnostic } from "./load.js";
import type { FileDiagnostic } from "./load.js";

export interface BuildOptions {
  /** Project root (where .eleventy.js and verbatim.config.json are); defaults to the current folder. */
  root?: string;
  input?: string;
  output?: string;
  /** Scratch folder for emitted pages; separate builds (tests, benchmarks) need separate ones. */
  workDir?: string;
  pathPrefix?: string;
  baseUrl?: string;
  /** Where the JSON build report goes (removed lines, diagnostics). */
  reportFile?: string;
  log?: (line: string) => void;
  /** Content-hash cache of parsed and emitted pages (default .verbatim/cache); false: parse everything. */
  cacheDir?: string | false;
  /** Worker threads for ingest + parse + emit; default one per core when the archive is big enough. */
  workers?: number;
  /** false: no Pagefind index (the bench's dev-mode measurement, which needs pages only). */
  searchIndex?: boolean;
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

/**
 * ingest -> parse -> emit -> Eleventy -> Pagefind. Renders into a sibling folder and swaps it in only when
 * everything succeeded, so a failed build leaves the previous site untouched. One unreadable transcript is
 * reported and skipped; it never stops the others.
 */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const started = Date.now();
  const root = resolve(options.root ?? process.cwd());
  const log = options.log ?? (() => {});
  let mark = started;
  const stage = (name: string, detail?: object) => {
    const now = Date.now();
    options.onStage?.(name, now - mark, detail);
    mark = now;
  };
  const site = loadSiteConfig(root, { input: options.input, output: options.output, pathPrefix: options.pathPrefix, baseUrl: options.baseUrl });

  const pagesDir = resolve(root, options.workDir ?? PAGES_DIR);
  await rm(pagesDir, { recursive: true, force: true });
  await mkdir(join(pagesDir, "transcripts"), { recursive: true });
  const cacheDir = options.cacheDir === false ? null : await openCache(resolve(root, options.cacheDir ?? CACHE_DIR));
  const parse = { aliases: site.aliases };
  // ingest, parse and emit run fused, on worker threads, each page written as soon as it is parsed.
  const loaded = await loadAndEmit(resolve(root, site.input), pagesDir, { parse, cacheDir, workers: options.workers });
  const report: BuildReport = { transcripts: [], failed: loaded.failed, diagnostics: loaded.diagnostics, pages: 0, indexed: 0, ms: 0 };
  await dedupeUrls(loaded.pages, report, resolve(root, site.input), parse);
  for (const p of loaded.pages) report.transcripts.push({ file: p.file, url: p.url, title: p.title, date: p.date, sections: p.sections, removed: p.removed });
  if (cacheDir) await pruneCache(cacheDir, new Set(loaded.pages.flatMap((p) => (p.key ? [p.key] : []))));
  stage("load", { bytes: loaded.bytes, cached: loaded.cached, workers: loaded.workers, threadMs: loaded.threadMs });
  log(`parsed ${loaded.pages.length} transcript(s), ${report.failed.length} unreadable`);

  const outDir = resolve(root, site.output);
  const partial = `${outDir}.partial`;
  await rm(partial, { recursive: true, force: true });
  const rendered = await renderSite(root, site, pagesDir, partial);
  report.pages = rendered.length;
  stage("render");
  log(`rendered ${rendered.length} page(s)`);

  const index = options.searchIndex === false ? { pages: 0, errors: [] as string[] } : await indexSite(
    rendered.map((r) => ({ path: relative(partial, r.outputPath), content: r.content })),
    join(partial, "pagefind"),
  );
  if (index.errors.length) throw new Error(`search index failed: ${index.errors.join("; ")}`);
  report.indexed = index.pages;
  stage("index");
  log(`indexed ${index.pages} page(s) for search`);

  await swapIn(partial, outDir);
  stage("swap");
  report.ms = Date.now() - started;
  const reportFile = resolve(root, options.reportFile ?? REPORT_FILE);
  await mkdir(dirname(reportFile), { recursive: true });
  await writeFile(reportFile, JSON.stringify({ ...report, ms: undefined }, null, 2) + "\n");
  return report;
}

/**
 * Two transcripts that would publish at the same URL: the later file (by name) gets "-2", with a warning.
 * Rare, so the page of a renamed transcript is simply parsed and emitted again here with its new slug.
 */
async function dedupeUrls(pages: Emitted["pages"], report: BuildReport, inputDir: string, parse: ParseOptions): Promise<void> {
  const seen = new Set<string>();
  for (const p of pages) {
    let slug = p.slug;
    for (let n = 2; seen.has(pageUrl({ date: p.date, slug })); n++) slug = `${p.slug}-${n}`;
    if (slug !== p.slug) {
      const url = pageUrl({ date: p.date, slug });
      report.diagnostics.push({ file: p.file, line: 0, code: "duplicate-url", severity: "warning", message: `another transcript already publishes at ${p.url}; published at ${url}` });
      const read = await readTranscript(join(inputDir, p.file));
      if (!read.ok) throw new Error(`${p.file}: ${read.reason} (it was readable a moment ago)`);
      await writeFile(p.outPath, emitMarkdown({ ...parseTranscript(read.text, parse), slug }, p.file));
      Object.assign(p, { slug, url });
    }
    seen.add(p.url);
  }
}
