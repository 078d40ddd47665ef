import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

/** Brotli at the highest quality, as a static host precompresses; sizes in bytes. */
export function brotli(data: Buffer | string): number {
  return brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(data) } }).length;
}

export interface PageWeight {
  sampled: number;
  /** One transcript page's HTML plus the site's CSS, brotli-compressed: median and largest of the sample. */
  medianKb: number;
  maxKb: number;
  htmlRawKb: number;
  cssKb: number;
  /** The page's own script (highlight.js), brotli; search.js is only loaded by the search page. */
  jsKb: number;
  /** The whole Pagefind bundle on disk (what a visitor may fetch from, not what one search fetches). */
  pagefindMb: number;
  pagefindFiles: number;
}

/** Weighs `sample` transcript pages spread evenly over the archive. */
export async function pageWeight(site: string, urls: string[], sample = 25): Promise<PageWeight> {
  const css = await readFile(join(site, "assets/style.css"));
  const js = await readFile(join(site, "assets/highlight.js")).catch(() => Buffer.alloc(0));
  const cssBr = brotli(css);
  const picks = urls.length <= sample ? urls : Array.from({ length: sample }, (_, i) => urls[Math.floor((i * urls.length) / sample)]!);
  const sizes: number[] = [];
  let raw = 0;
  for (const url of picks) {
    const html = await readFile(join(site, url, "index.html"));
    raw = Math.max(raw, html.length);
    sizes.push(brotli(html) + cssBr);
  }
  sizes.sort((a, b) => a - b);
  let bundle = 0;
  let files = 0;
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else { bundle += (await stat(join(d, e.name))).size; files++; }
    }
  };
  await walk(join(site, "pagefind")).catch(() => {});
  const kb = (b: number) => Math.round((b / 1024) * 10) / 10;
  return { sampled: picks.length, medianKb: kb(sizes[Math.floor(sizes.length / 2)] ?? 0), maxKb: kb(sizes[sizes.length - 1] ?? 0), htmlRawKb: kb(raw), cssKb: kb(cssBr), jsKb: kb(js.length ? brotli(js) : 0), pagefindMb: Math.round((bundle / 1024 / 1024) * 10) / 10, pagefindFiles: files };
}
