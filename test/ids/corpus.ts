import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { LEDGER_FILE } from "../../src/build/build.js";
import { buildSite, type BuiltSite } from "../support/build-site.js";
import { SEEDS_DIR } from "../support/paths.js";

/** The committed ledger of the sample transcripts. */
export const COMMITTED_LEDGER = join(SEEDS_DIR, LEDGER_FILE);

export interface Corpus {
  input: string;
  ledgerFile: string;
}

/** A temporary transcripts folder holding `files`, with a copy of `ledgerFrom` (if any) as its ledger. */
export async function makeCorpus(files: Record<string, string>, ledgerFrom?: string): Promise<Corpus> {
  const input = join(await mkdtemp(join(tmpdir(), "verbatim-ids-")), "transcripts");
  await mkdir(input, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(input, name), text);
  const ledgerFile = join(input, LEDGER_FILE);
  if (ledgerFrom && existsSync(ledgerFrom)) await copyFile(ledgerFrom, ledgerFile);
  return { input, ledgerFile };
}

export const buildCorpus = (c: Corpus): Promise<BuiltSite> => buildSite({ input: c.input, ledgerFile: c.ledgerFile });

export const readPage = (site: BuiltSite, url: string): Promise<string> => readFile(join(site.dir, url, "index.html"), "utf8");

const readers = new WeakMap<Browser, Promise<Page>>();

/**
 * Chromium's own reading of a built HTML file, with scripts off and no network: what a reader without
 * JavaScript gets. One page per browser is reused; callers run one at a time.
 */
export async function withDom<T>(browser: Browser, html: string, fn: (page: Page) => Promise<T>): Promise<T> {
  let page = readers.get(browser);
  if (!page) {
    page = browser.newContext({ javaScriptEnabled: false, offline: true }).then((c) => c.newPage());
    readers.set(browser, page);
  }
  const p = await page;
  await p.setContent(html, { waitUntil: "domcontentloaded" });
  return fn(p);
}
