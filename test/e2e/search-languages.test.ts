import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { buildSite, type BuiltSite } from "../support/build-site.js";
import { MOSCOW, ROOT, SOCHI } from "../support/paths.js";
import { serveStatic, type Served } from "../support/serve.js";
import { COMMITTED_LEDGER, makeCorpus } from "../ids/corpus.js";

/** A Russian transcript dated 2020-09-24: the same year as the English Moscow sample (2020-10-05). */
const RUSSIAN = join(ROOT, "test/fixtures/transcripts/mfa-russian-press-conference-2020.txt");

describe("search finds every transcript whatever its language and year, in real Chromium", () => {
  let site: BuiltSite;
  let served: Served;
  let browser: Browser;
  let russianUrl: string;

  beforeAll(async () => {
    const corpus = await makeCorpus(
      Object.fromEntries([SOCHI, MOSCOW, RUSSIAN].map((f) => [basename(f), readFileSync(f, "utf8")])),
      COMMITTED_LEDGER,
    );
    site = await buildSite({ input: corpus.input, ledgerFile: corpus.ledgerFile });
    served = await serveStatic(site.dir);
    browser = await launchChromium();
    russianUrl = site.report.transcripts.find((t) => t.url.startsWith("/2020/09/24/"))?.url ?? "";
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function search(query: string): Promise<{ page: Page; hrefs: string[]; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(`${served.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => {
      const status = document.getElementById("search_status")?.textContent ?? "";
      return status !== "" && !status.includes("Searching");
    });
    const hrefs = await page.locator("a.hit").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    return { page, hrefs, errors };
  }

  it("builds the Russian transcript into the same year as an English one, as one language of index", async () => {
    expect(site.report.transcripts).toHaveLength(3);
    expect(russianUrl).not.toBe("");
    expect(await readFile(join(site.dir, russianUrl, "index.html"), "utf8")).toContain('<html lang="ru"');
    const entry = JSON.parse(await readFile(join(site.dir, "pagefind/2020/pagefind-entry.json"), "utf8")) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(["en"]);
  });

  it("finds a Russian word from the search page (lang en) and opens the Russian transcript at its paragraph", async () => {
    const { page, hrefs, errors } = await search("рыболовству");
    expect(hrefs.length).toBeGreaterThan(0);
    const first = new URL(hrefs[0]!);
    expect(decodeURI(first.pathname)).toBe(decodeURI(russianUrl));
    await page.locator("a.hit").first().click();
    await page.waitForURL(/#/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    await expect.poll(() => page.locator(`[id="${id}"]`).textContent(), { timeout: 20_000 }).toContain("рыболовству");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("still finds English words in the same year and in another", async () => {
    for (const [query, year] of [["breakdancing", "/2020/10/05/"], ["Roosevelt", "/2018/02/07/"]] as const) {
      const { page, hrefs, errors } = await search(query);
      expect(hrefs.length, query).toBeGreaterThan(0);
      expect(new URL(hrefs[0]!).pathname.startsWith(year), query).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
