import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SiteConfigSchema } from "../../src/config/site-config.js";
import { REDIRECT_SCRIPT, renderRedirect } from "../../src/site/templates/redirect.js";
import { launchChromium } from "../support/browser.js";
import { buildSite, type BuiltSite } from "../support/build-site.js";
import { MOSCOW, SOCHI } from "../support/paths.js";
import { serveStatic } from "../support/serve.js";
import { COMMITTED_LEDGER, makeCorpus, type Corpus } from "../ids/corpus.js";

const OLD_TITLE = "Foreign Minister Sergey Lavrov’s remarks and answers to questions during the meeting";
const NEW_TITLE = "Foreign Minister Sergey Lavrov’s remarks and answers at a meeting";

/** Where the browser ends after opening `url`, once it has stopped redirecting. */
async function landing(browser: Browser, url: string, javaScript = true): Promise<{ url: URL; errors: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  try {
    await page.goto(url).catch(() => undefined);
    await page.waitForFunction(() => !document.querySelector('meta[http-equiv="refresh"], script[data-to]'), undefined, { timeout: 10_000 });
    await page.waitForLoadState("load");
    return { url: new URL(page.url()), errors };
  } finally {
    await context.close();
  }
}

describe("a redirect page from a transcript's old URL keeps the link's #fragment, in real Chromium", () => {
  let browser: Browser;
  let v1: { corpus: Corpus; site: BuiltSite; url: string };

  beforeAll(async () => {
    browser = await launchChromium();
    const files = { "sochi.txt": await readFile(SOCHI, "utf8"), "moscow.txt": await readFile(MOSCOW, "utf8") };
    const corpus = await makeCorpus(files, COMMITTED_LEDGER);
    const site = await buildSite({ input: corpus.input, ledgerFile: corpus.ledgerFile });
    v1 = { corpus, site, url: site.report.transcripts.find((t) => t.url.startsWith("/2020/"))?.url ?? "" };
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The Moscow transcript with its title corrected, built with the first build's ledger. */
  async function corrected(pathPrefix?: string): Promise<{ site: BuiltSite; url: string; paragraph: string }> {
    const text = (await readFile(MOSCOW, "utf8")).split(OLD_TITLE).join(NEW_TITLE);
    const corpus = await makeCorpus({ "sochi.txt": await readFile(SOCHI, "utf8"), "moscow.txt": text }, v1.corpus.ledgerFile);
    const site = await buildSite({ input: corpus.input, ledgerFile: corpus.ledgerFile, pathPrefix });
    const url = site.report.transcripts.find((t) => t.url.startsWith("/2020/"))?.url ?? "";
    expect(url).not.toBe(v1.url);
    const page = await readFile(join(site.dir, url, "index.html"), "utf8");
    const paragraph = /<p id="([^"]+--a3)"/.exec(page)?.[1] ?? "";
    expect(paragraph).not.toBe("");
    // The old URL is a redirect page.
    expect(await readFile(join(site.dir, v1.url, "index.html"), "utf8")).toContain('http-equiv="refresh"');
    return { site, url, paragraph };
  }

  for (const prefix of ["/", "/archive/"]) {
    it(`old-url/#paragraph and old-url/?highlight=…#paragraph land on the new URL with the same fragment (prefix ${prefix})`, async () => {
      const v2 = await corrected(prefix === "/" ? undefined : prefix);
      const served = await serveStatic(v2.site.dir, prefix);
      try {
        const newPath = `${prefix}${v2.url.slice(1)}`;
        const plain = await landing(browser, `${served.url}${v1.url.slice(1)}#${v2.paragraph}`);
        expect(plain.url.pathname).toBe(newPath);
        expect(plain.url.hash).toBe(`#${v2.paragraph}`);
        expect(plain.errors).toEqual([]);

        const highlighted = await landing(browser, `${served.url}${v1.url.slice(1)}?highlight=Vanderplaetse#${v2.paragraph}`);
        expect(highlighted.url.pathname).toBe(newPath);
        expect(highlighted.url.search).toBe("?highlight=Vanderplaetse");
        expect(highlighted.url.hash).toBe(`#${v2.paragraph}`);
        expect(highlighted.errors).toEqual([]);

        // Without JavaScript the meta refresh still leads to the new URL (the fragment is lost, as it always was).
        const noJs = await landing(browser, `${served.url}${v1.url.slice(1)}#${v2.paragraph}`, false);
        expect(noJs.url.pathname).toBe(newPath);
      } finally {
        await served.close();
      }
    });
  }
});

describe("the redirect script", () => {
  const site = SiteConfigSchema.parse({});

  it("lets the visitor's fragment win over the target's own, keeps the target's otherwise, and carries the query", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verbatim-redirect-"));
    await mkdir(join(dir, "old"), { recursive: true });
    await mkdir(join(dir, "new"), { recursive: true });
    await writeFile(join(dir, "old/index.html"), renderRedirect({ from: "/old/", to: "/new/#answer" }, site));
    await writeFile(join(dir, "new/index.html"), '<!doctype html><html lang="en"><title>New</title><link rel="icon" href="data:,"><p id="answer">A</p><p id="p2">B</p></html>');
    const served = await serveStatic(dir);
    const browser = await launchChromium();
    try {
      const at = async (path: string) => {
        const { url, errors } = await landing(browser, `${served.url}${path}`);
        expect(errors).toEqual([]);
        return `${url.pathname}${url.search}${url.hash}`;
      };
      expect(await at("old/")).toBe("/new/#answer");
      expect(await at("old/#p2")).toBe("/new/#p2");
      expect(await at("old/?highlight=x")).toBe("/new/?highlight=x#answer");
      expect(await at("old/?highlight=x#p2")).toBe("/new/?highlight=x#p2");
    } finally {
      await browser.close();
      await served.close();
    }
  });

  it("is a constant: a hostile target reaches the page only as an escaped attribute", () => {
    const out = renderRedirect({ from: "/old/", to: `/new/"></script><script>window.pwned=1</script>'/` }, site);
    expect(out.match(/<script\b/g)).toHaveLength(1);
    expect(out).toContain(`>${REDIRECT_SCRIPT}</script>`);
    expect(out).not.toContain("<script>window");
    expect(REDIRECT_SCRIPT).not.toMatch(/<|https?:|\/\//);
  });
});
