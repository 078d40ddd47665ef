import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { buildSite, type BuiltSite } from "../support/build-site.js";
import { serveStatic, type Served } from "../support/serve.js";

const HOSTILE_TITLE = `Briefing on <script>window.pwned=1</script> & "quotes" ]]> {{ site.title }} {% raw %}`;
const HOSTILE = `${HOSTILE_TITLE}, Geneva, March 3, 2021

Good afternoon. <img src=x onerror="window.pwned=2"> & &amp; ]]> --> <!--

John Smith (Reuters): Is </title><script>window.pwned=3</script> a fair question?

Sergey Lavrov: It is # not a heading, and *not* emphasis.
`;
const UNDATED = `Interview with a regional newspaper

Question: When was this?

Sergey Lavrov: Nobody wrote it down.
`;

describe("a site built from hostile and undated transcripts", () => {
  let site: BuiltSite;
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    const input = mkdtempSync(join(tmpdir(), "verbatim-hostile-"));
    writeFileSync(join(input, "hostile.txt"), HOSTILE);
    writeFileSync(join(input, "undated.txt"), UNDATED);
    site = await buildSite({ input, pathPrefix: "/sub/", baseUrl: "https://example.org" });
    served = await serveStatic(site.dir, "/sub/");
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("shows hostile text as text on every kind of page, in feeds and in JSON", async () => {
    const hostile = site.report.transcripts.find((t) => t.file === "hostile.txt");
    expect(hostile).toBeDefined();
    const page = await browser.newPage();
    for (const path of ["", hostile!.url.slice(1), `${hostile!.url.slice(1)}is-title-script-window-pwned-3/`, "speakers/john-smith/", "2021/"]) {
      const res = await page.goto(`${served.url}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), path).toBeUndefined();
    }
    await page.goto(`${served.url}${hostile!.url.slice(1)}`);
    expect(await page.locator("h1").textContent()).toBe(hostile!.title);
    expect(await page.locator("body").textContent()).toContain('<img src=x onerror="window.pwned=2"> & &amp; ]]> --> <!--');
    const feed = await page.evaluate(async (url) => {
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "application/xml");
      return { error: doc.querySelector("parsererror")?.textContent ?? null, titles: [...doc.querySelectorAll("entry > title")].map((t) => t.textContent) };
    }, `${served.url}feed.xml`);
    expect(feed.error).toBeNull();
    expect(feed.titles).toEqual([hostile!.title]);
    const json = JSON.parse(readFileSync(join(site.dir, "feed.json"), "utf8")) as { items: { title: string }[] };
    expect(json.items.map((i) => i.title)).toEqual([hostile!.title]);
    await page.close();
  });

  it("lists an undated transcript on /undated/ and leaves it out of the feeds only", async () => {
    const undated = site.report.transcripts.find((t) => t.file === "undated.txt");
    expect(undated?.url).toMatch(/^\/undated\//);
    const html = await (await fetch(`${served.url}undated/`)).text();
    expect(html).toContain(`href="/sub${undated!.url}"`);
    const index = (await (await fetch(`${served.url}transcripts.json`)).json()) as { transcripts: { title: string; date: string | null }[] };
    expect(index.transcripts.map((t) => t.date)).toEqual(["2021-03-03", null]);
    expect(readFileSync(join(site.dir, "feed.xml"), "utf8")).not.toContain("regional newspaper");
  });

  it("counts each speaker's answers and questions on the speaker pages", async () => {
    const all = await (await fetch(`${served.url}speakers/`)).text();
    expect(all).toMatch(/John Smith<\/a> <span class="item-meta">1 transcript · 1 question asked</);
    expect(all).toMatch(/Sergey Lavrov<\/a> <span class="item-meta">2 transcripts · 2 answers</);
  });
});
