import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { armScriptTrap, injectedCode } from "../../src/gates/browser.js";
import { checkFidelity, missingWords, pageText } from "../../src/gates/fidelity.js";
import { validateHtml } from "../../src/gates/html.js";
import { checkLinks } from "../../src/gates/links.js";
import { launchChromium } from "../support/browser.js";
import { buildSite, type BuiltSite } from "../support/build-site.js";
import { SEEDS_DIR } from "../support/paths.js";
import { serveStatic } from "../support/serve.js";

/** Each gate, given a site with exactly the fault it exists to find, reports it: none of them passes vacuously. */
describe("the gates catch what they are for", () => {
  let site: BuiltSite;
  let broken: string;
  let transcriptFile: string;
  let browser: Browser;
  beforeAll(async () => {
    site = await buildSite();
    broken = await mkdtemp(join(tmpdir(), "verbatim-broken-"));
    await cp(site.dir, broken, { recursive: true });
    const t = site.report.transcripts.find((x) => x.file.startsWith("003_"));
    if (!t) throw new Error("sample transcript missing");
    transcriptFile = join(broken, t.url, "index.html");
    let html = await readFile(transcriptFile, "utf8");
    html = html.replace('href="#remarks"', 'href="#no-such-anchor"').replace("breakdancing", "dancing");
    html = html.replace("</main>", '<a href="/2020/13/01/nowhere/">gone</a><p><span><div>bad nesting</div></span></p><img src="x" onerror="window.__verbatimPwned=1"></main>');
    await writeFile(transcriptFile, html);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("links: a missing page and a missing fragment", async () => {
    const r = await checkLinks(broken);
    expect(r.failures.join("\n")).toMatch(/\/2020\/13\/01\/nowhere\/ \(404\)/);
    expect(r.failures.join("\n")).toMatch(/#no-such-anchor \(missing fragment: no id "no-such-anchor"/);
    // The injected <img src="x"> (for the scripts gate) is a missing file too.
    expect(r.failures.join("\n")).toMatch(/^x \(404\) linked from \/2020\//m);
    expect(r.failures).toHaveLength(3);
  });

  it("links: under a path prefix, a missing file, a link escaping the prefix, a dead link in a feed", async () => {
    const prefixed = await buildSite({ pathPrefix: "/archive/", baseUrl: "https://example.org/archive/" });
    const options = { prefix: "/archive/", baseUrl: "https://example.org/archive/" };
    const clean = await checkLinks(prefixed.dir, options);
    expect(clean.failures).toEqual([]);
    expect(clean.count).toBeGreaterThan(100);
    const t = prefixed.report.transcripts.find((x) => x.file.startsWith("003_"));
    if (!t) throw new Error("sample transcript missing");
    const page = join(prefixed.dir, t.url, "index.html");
    const html = await readFile(page, "utf8");
    // The transcript exists at the site root on disk, but the site is served under /archive/ only.
    await writeFile(page, html.replace("</main>", `<a href="../no-such-transcript/#remarks">x</a><a href="${t.url}">y</a><a href="/archive/assets/missing.css">z</a></main>`));
    const feed = join(prefixed.dir, "feed.json");
    await writeFile(feed, (await readFile(feed, "utf8")).replace(/("url": "https:\/\/example\.org\/archive\/\d{4}\/\d\d\/\d\d\/)/, "$1gone-"));
    const r = await checkLinks(prefixed.dir, options);
    const all = r.failures.join("\n");
    expect(all).toMatch(/^\.\.\/no-such-transcript\/#remarks \(404\) linked from \/archive\/\d{4}\//m);
    expect(all).toContain(`${t.url} (404: outside the path prefix /archive/)`);
    expect(all).toMatch(/^\/archive\/assets\/missing\.css \(404\)/m);
    expect(all).toMatch(/^https:\/\/example\.org\/archive\/\d{4}\/\d\d\/\d\d\/gone-[^ ]+ \(404\) linked from \/archive\/feed\.json$/m);
    expect(r.failures).toHaveLength(4);
    expect(r.count).toBe(clean.count + 3);
  });

  it("html: invalid nesting and an inline handler", async () => {
    const r = await validateHtml(broken);
    expect(r.failures.some((f) => /element-permitted-content|element-permitted-parent/.test(f))).toBe(true);
  });

  it("fidelity: one dropped word", async () => {
    const r = await checkFidelity(SEEDS_DIR, broken, site.report.transcripts);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatch(/1 word\(s\) missing .*: breakdancing$/);
    expect(missingWords("a b b c", "a b c", []).missing).toEqual(new Map([["b", 1]]));
    expect(pageText("<p>x &lt;script&gt; &#123;&#123; y</p>")).toContain("x <script> {{ y");
  });

  it("scripts: an injected handler that runs", async () => {
    const served = await serveStatic(broken);
    try {
      const page = await browser.newPage();
      const trap = await armScriptTrap(page);
      const t = site.report.transcripts.find((x) => x.file.startsWith("003_"));
      await page.goto(served.url + (t?.url ?? "/").slice(1));
      await page.waitForFunction(() => (window as unknown as { __verbatimPwned?: number }).__verbatimPwned === 1);
      const found = await injectedCode(page);
      expect(found).toContain("script ran: window.__verbatimPwned = 1");
      expect(found.some((f) => /<img onerror=/.test(f))).toBe(true);
      expect(trap.dialogs).toEqual([]);
      await page.close();
    } finally {
      await served.close();
    }
  });
});
