/**
 * Search at archive scale: `npm run bench:search [-- --n 10000] [--single]`, or `-- --site DIR` to measure only
 * the query bytes on a site a build wrote.
 *
 * 1. Generates n seed-shaped transcripts (bench/corpus.ts) and renders each into its page with the real
 *    pipeline (ingest, parse, emit, the transcript template) but without Eleventy: a full Eleventy build of
 *    10,000 pages is not what is measured here, and its output is the same HTML.
 * 2. Indexes the pages in a child process (src/search/index-site.ts, exactly what a build runs) and polls
 *    /proc for the peak resident memory of the whole process tree: Node plus the pagefind binary.
 * 3. Changes one transcript page and indexes again with the part cache: only its year is re-indexed.
 * 4. Serves the site, opens /search/ in real Chromium and counts the bytes the server sent for a first and a
 *    second query (uncompressed; Pagefind's own files are already gzip-compressed).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSiteConfig } from "../src/config/site-config.js";
import { processTree, readProcesses } from "./monitor.js";
import { renderBody } from "../src/emit/body.js";
import { pageData } from "../src/emit/front-matter.js";
import { pageUrl } from "../src/emit/page-url.js";
import { readTranscript } from "../src/ingest/read-transcript.js";
import { parseTranscript } from "../src/parse/parse.js";
import { indexSite, type RenderedPage } from "../src/search/index-site.js";
import { newestFirst, type TranscriptItem } from "../src/site/collections.js";
import { transcriptItem } from "../src/site/site-index.js";
import { renderSearch } from "../src/site/templates/search.js";
import { renderTranscript } from "../src/site/templates/transcript.js";
import { writeCorpus } from "./corpus.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string, d: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : d);


async function main(): Promise<void> {
  // `--site DIR`: only the query measurement, on a site a build already wrote (say bench/out/run-10000/site).
  if (args.includes("--site")) return queryBytes(value("site", ""));
  const n = Number(value("n", "10000"));
  const single = flag("single");
  const work = join(ROOT, ".verbatim", `bench-search-${n}`);
  const raw = join(work, "raw");
  const site = join(work, "site");
  const cache = join(work, single ? "cache-single" : "cache");
  console.log(`search scale bench: ${n} transcripts, ${single ? "one index" : "split by year"}`);

  if (!existsSync(join(raw, "done"))) {
    const t = Date.now();
    const bytes = await writeCorpus(raw, n);
    await writeFile(join(raw, "done"), "");
    console.log(`corpus: ${n} raw transcripts, ${(bytes / 1e6).toFixed(0)} MB in ${s(Date.now() - t)}`);
  }
  if (!existsSync(join(site, "done"))) {
    const t = Date.now();
    const pages = await renderPages(raw, site);
    await writeFile(join(site, "done"), "");
    console.log(`rendered ${pages.count} transcript pages (${(pages.bytes / 1e6).toFixed(0)} MB HTML, ${pages.words.toLocaleString("en-US")} words) in ${s(Date.now() - t)}`);
  }

  await rm(cache, { recursive: true, force: true });
  const cold = await measure(site, cache, single);
  console.log(`index, cold:   ${s(cold.ms)}, peak memory ${mb(cold.peak)} (process tree), ${cold.report}`);
  const bundle = join(site, "pagefind");
  console.log(`bundle: ${mb(du(bundle))} on disk, ${countFiles(bundle).toLocaleString("en-US")} files`);

  // One transcript changes: a word is added to its first answer paragraph.
  const changed = firstPage(site);
  const html = await readFile(changed, "utf8");
  await writeFile(changed, html.replace(/(<p id="[^"]+--a1"[^>]*>)/, "$1Amended. "));
  const warm = await measure(site, cache, single);
  await writeFile(changed, html);
  console.log(`index, one transcript changed: ${s(warm.ms)}, peak memory ${mb(warm.peak)}, ${warm.report}`);

  await queryBytes(site);
}

async function renderPages(raw: string, site: string): Promise<{ count: number; bytes: number; words: number }> {
  const config = loadSiteConfig(ROOT);
  await rm(site, { recursive: true, force: true });
  let count = 0, bytes = 0, words = 0;
  const items: TranscriptItem[] = [];
  const seen = new Set<string>();
  for (const file of (await readdir(raw)).filter((f) => f.endsWith(".txt")).sort()) {
    const read = await readTranscript(join(raw, file));
    if (!read.ok) throw new Error(`${file}: ${read.reason}`);
    let t = parseTranscript(read.text, {});
    for (let k = 2; seen.has(pageUrl(t)); k++) t = { ...t, slug: `${t.slug.replace(/-\d+$/, "")}-${k}` };
    seen.add(pageUrl(t));
    const data = pageData(t, file);
    items.push(transcriptItem(t, file));
    const html = renderTranscript({ ...data, content: renderBody(t), site: config });
    const out = join(site, pageUrl(t), "index.html");
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, html);
    count++;
    bytes += Buffer.byteLength(html);
    words += data.wordCount;
  }
  await mkdir(join(site, "search"), { recursive: true });
  await writeFile(join(site, "search", "index.html"), renderSearch({ site: config, transcripts: items.sort(newestFirst) }));
  await cp(join(ROOT, "src/site/assets"), join(site, "assets"), { recursive: true });
  return { count, bytes, words };
}

/** Runs the indexer in a child process and samples the RSS of every process under it. */
async function measure(site: string, cache: string, single: boolean): Promise<{ ms: number; peak: number; report: string }> {
  const started = Date.now();
  const out = join(site, "..", "index-report.json");
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "index-child", site, cache, out, ...(single ? ["--single"] : [])], { stdio: "inherit", cwd: ROOT });
  let peak = 0;
  const cpuByPid = new Map<number, number>();
  const timer = setInterval(() => (peak = Math.max(peak, sampleTree(child.pid!, cpuByPid))), 50);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`indexer exited with ${code}`);
  const r = JSON.parse(await readFile(out, "utf8")) as Awaited<ReturnType<typeof indexSite>>;
  if (r.errors.length) throw new Error(r.errors.join("; "));
  const reindexed = r.parts.filter((p) => !p.reused);
  const cpu = [...cpuByPid.values()].reduce((a, b) => a + b, 0);
  const pagefindCpu = [...cpuByPid].filter(([pid]) => pagefindPids.has(pid)).reduce((a, [, b]) => a + b, 0);
  return { ms: Date.now() - started, peak, report: `CPU ${cpu.toFixed(1)} s (pagefind ${pagefindCpu.toFixed(1)} s), ${r.pages} pages, ${r.records} records, ${r.parts.length} part(s), ${reindexed.length} indexed (${reindexed.map((p) => p.name).join(", ")})` };
}

async function indexChild(site: string, cache: string, out: string, single: boolean): Promise<void> {
  const pages: RenderedPage[] = [];
  (function walk(dir: string) {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory() && e.name !== "pagefind") walk(p);
      else if (e.name === "index.html") pages.push({ path: relative(site, p), content: () => readFile(p, "utf8") });
    }
  })(site);
  const report = await indexSite(pages, join(site, "pagefind"), { cacheDir: cache, partOf: single ? () => "all" : undefined });
  await writeFile(out, JSON.stringify(report));
}

const pagefindPids = new Set<number>();

/**
 * Resident memory of a process and all its descendants, from /proc (Linux); records each one's CPU seconds
 * (user + system) in `cpu` as a side effect, so the total CPU of short-lived children is seen too.
 */
function sampleTree(pid: number, cpu: Map<number, number>): number {
  let total = 0;
  for (const p of processTree(pid, readProcesses())) {
    total += p.rssBytes;
    cpu.set(p.pid, p.cpuSeconds);
    if (p.name.startsWith("pagefind")) pagefindPids.add(p.pid);
  }
  return total;
}

async function queryBytes(site: string): Promise<void> {
  const { launchChromium } = await import("../test/support/browser.js");
  let sent = 0;
  let parts = new Map<string, number>();
  const server = createServer((req, res) => {
    let file = join(site, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end();
    const body = readFileSync(file);
    sent += body.length;
    const kind = /\/fragment\//.test(file) ? "fragments" : /\/index\//.test(file) ? "word chunks" : /\/filter\//.test(file) ? "filters" : /\.pf_meta$/.test(file) ? "metadata" : /pagefind-entry\.json$|parts\.json$/.test(file) ? "entries" : /\/pagefind\//.test(file) ? "runtime" : "page";
    parts.set(kind, (parts.get(kind) ?? 0) + body.length);
    const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/search/`);
    await page.waitForLoadState("networkidle");
    const pageBytes = sent;
    for (const [i, q] of ["sanctions", "humanitarian cooperation"].entries()) {
      sent = 0;
      parts = new Map();
      await page.fill("#search_q", q);
      await page.press("#search_q", "Enter");
      await page.locator("a.hit").first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState("networkidle");
      console.log(`query ${i + 1} “${q}”: ${kb(sent)} fetched (${[...parts].sort((a, b) => b[1] - a[1]).map(([k, b]) => `${k} ${kb(b)}`).join(", ")}); ${await page.locator("#search_status").textContent()}`);
    }
    console.log(`(the search page itself: ${kb(pageBytes)})`);
  } finally {
    await browser.close();
    server.close();
  }
}

function firstPage(site: string): string {
  const years = readdirSync(site).filter((d) => /^\d{4}$/.test(d)).sort();
  let dir = join(site, years[0]!);
  while (!existsSync(join(dir, "index.html"))) dir = join(dir, readdirSync(dir).sort()[0]!);
  return join(dir, "index.html");
}

function du(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return total;
}
function countFiles(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? countFiles(join(dir, e.name)) : 1;
  return total;
}
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

if (args[0] === "index-child") await indexChild(args[1]!, args[2]!, args[3]!, flag("single"));
else await main();
