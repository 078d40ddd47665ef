import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useServedSite } from "../support/served-site.js";

const SOCHI = /^\/2018\/02\/07\/[^/]+\/$/;
const MOSCOW = /^\/2020\/10\/05\/[^/]+\/$/;

describe("search on the sample site, in real Chromium", () => {
  const ctx = useServedSite();

  async function open(path: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await ctx.browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(`${ctx.served.url}${path.replace(/^\//, "")}`);
    return { page, requests, errors };
  }

  async function hits(page: Page): Promise<{ href: string; kind: string }[]> {
    await page.locator("#search_status").filter({ hasNotText: "Searching" }).waitFor();
    await page.waitForFunction(() => !document.getElementById("search_status")?.textContent?.includes("Searching"));
    return page.locator("a.hit").evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).getAttribute("href")!, kind: a.closest("li")?.getAttribute("data-kind") ?? "" })));
  }

  it("opens the answer a phrase comes from, scrolled to and highlighted", async () => {
    const { page, errors } = await open("/search/?q=Roosevelt%20Litvinov");
    const first = page.locator("a.hit").first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(/^Answer to question \d+$/);
    await first.click();
    await page.waitForURL(/#/);
    const url = new URL(page.url());
    expect(url.pathname).toMatch(SOCHI);
    expect(url.searchParams.getAll("highlight").join(" ").toLowerCase()).toContain("roosevelt");
    const id = decodeURIComponent(url.hash.slice(1));
    expect(id).toBe("you-have-mentioned-our-relations-with--a3");
    const target = page.locator(`[id="${id}"]`);
    await expect.poll(() => target.locator("mark").allTextContents(), { timeout: 20_000 }).toEqual(expect.arrayContaining(["Roosevelt", "Litvinov"]));
    // Scrolled to: the paragraph is in the viewport.
    await expect.poll(() => target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }), { timeout: 20_000 }).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("puts the passage holding the exact phrase first, before pages that only use its words more often", async () => {
    // Both transcripts use "diplomatic" and words starting "profession"; only the Sochi remarks say "diplomatic profession".
    const { page, errors } = await open("/search/?q=diplomatic%20profession");
    const all = await hits(page);
    expect(all.some((h) => MOSCOW.test(new URL(h.href, ctx.served.url).pathname))).toBe(true);
    const first = page.locator("a.hit").first();
    expect(await first.textContent()).toBe("Opening remarks");
    await first.click();
    await page.waitForURL(/#/);
    const url = new URL(page.url());
    expect(url.pathname).toMatch(SOCHI);
    const target = page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`);
    expect(await target.textContent()).toContain("diplomatic profession");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("makes every question/answer section a sub-result at the page URL plus the section's permanent id", async () => {
    const { page } = await open("/search/");
    // A string, not a function: the test runner would rewrite a function's import() for Node.
    const subs = (await page.evaluate(`(async () => {
      const pf = await import("/pagefind/pagefind.js");
      const inst = await pf.createInstance({ basePath: "/pagefind/2020/" });
      const r = await inst.search("breakdancing");
      const data = await r.results[0].data();
      return { kind: data.filters.kind, urls: data.sub_results.map((s) => s.url) };
    })()`)) as { kind: string[]; urls: string[] };
    expect(subs.kind).toEqual(["answer"]);
    expect(subs.urls).toHaveLength(1);
    // The page URL, the record's kind (dropped from the links shown), the section's permanent id.
    expect(subs.urls[0]).toMatch(/^\/2020\/10\/05\/[^/?]+\/\?kind=answer#we-have-noticed-these-concerns-regarding$/);
    await page.close();
  });

  it("narrows results with the year, place and part filters", async () => {
    // "Russia" is in the remarks, questions and answers of both transcripts.
    const { page } = await open("/search/?q=Russia");
    const all = await hits(page);
    expect(new Set(all.map((h) => h.kind))).toEqual(new Set(["remarks", "question", "answer"]));
    expect(new Set(all.map((h) => new URL(h.href, ctx.served.url).pathname.replace(/[^/]+\/$/, "")))).toEqual(new Set(["/2018/02/07/", "/2020/10/05/"]));

    await page.locator("select[name=year]").selectOption("2018");
    const in2018 = await hits(page);
    expect(in2018.length).toBeGreaterThan(0);
    expect(in2018.length).toBeLessThan(all.length);
    for (const h of in2018) expect(new URL(h.href, ctx.served.url).pathname).toMatch(SOCHI);
    expect(new URL(page.url()).searchParams.get("year")).toBe("2018");

    await page.locator("select[name=year]").selectOption("");
    await page.locator("select[name=place]").selectOption("Moscow");
    const inMoscow = await hits(page);
    expect(inMoscow.length).toBeGreaterThan(0);
    for (const h of inMoscow) expect(new URL(h.href, ctx.served.url).pathname).toMatch(MOSCOW);

    await page.locator("select[name=place]").selectOption("");
    await page.locator("select[name=kind]").selectOption("question");
    const questions = await hits(page);
    expect(questions.length).toBeGreaterThan(0);
    for (const h of questions) {
      expect(h.kind).toBe("question");
      expect(decodeURIComponent(new URL(h.href, ctx.served.url).hash)).toMatch(/--q\d+$/);
    }
    await page.locator("select[name=kind]").selectOption("answer");
    const answers = await hits(page);
    expect(answers.length).toBeGreaterThan(0);
    for (const h of answers) expect(decodeURIComponent(new URL(h.href, ctx.served.url).hash)).toMatch(/--a\d+$/);
    await page.close();
  });

  it("offers the filters with the number of transcripts for each value, and loads only the part filter's index for a search", async () => {
    const { page, requests, errors } = await open("/search/?speaker=Sergey%20Lavrov");
    // The controls are on the page before anything of Pagefind is loaded, set from the address.
    await page.locator("#search_filters:not([hidden])").waitFor();
    expect(requests.filter((p) => p.includes("/pagefind/"))).toEqual([]);
    expect(await page.locator("select[name=speaker]").inputValue()).toBe("Sergey Lavrov");
    const options = async (name: string) => page.locator(`select[name=${name}] option`).allTextContents();
    expect(await options("speaker")).toEqual(["Any speaker", "Sergey Lavrov (2)"]);
    expect(await options("year")).toEqual(["Any year", "2020 (1)", "2018 (1)"]);
    expect(await options("place")).toEqual(["Any place", "Moscow (1)", "Sochi (1)"]);
    expect(await options("kind")).toEqual(["Answers, questions and remarks", "Answers", "Questions", "Opening remarks"]);
    await page.locator("#search_q").fill("Russia");
    await page.locator("#search_q").press("Enter");
    await hits(page);
    expect(await page.locator("#search_status").textContent()).toMatch(/^“Russia” found in answers of 2 transcripts, questions of 2 transcripts, opening remarks of 2 transcripts\.$/);
    // One filter file per year: the part filter's (the speaker filter asked for here is one more per year).
    expect(requests.filter((p) => p.endsWith(".pf_filter")).length).toBe(4);
    expect(errors).toEqual([]);
    await page.close();

    const plain = await open("/search/?q=Russia");
    await hits(plain.page);
    expect(plain.requests.filter((p) => p.endsWith(".pf_filter")).length).toBe(2);
    await plain.page.close();
  });

  it("orders by date, newest or oldest first", async () => {
    const { page } = await open("/search/?q=sanctions&sort=newest");
    const newest = await hits(page);
    expect(new URL(newest[0]!.href, ctx.served.url).pathname).toMatch(MOSCOW);
    expect(new URL(newest.at(-1)!.href, ctx.served.url).pathname).toMatch(SOCHI);
    await page.locator("select[name=sort]").selectOption("oldest");
    const oldest = await hits(page);
    expect(new URL(oldest[0]!.href, ctx.served.url).pathname).toMatch(SOCHI);
    expect(new URL(oldest.at(-1)!.href, ctx.served.url).pathname).toMatch(MOSCOW);
    await page.close();
  });

  it("shows each hit's transcript with its date and place", async () => {
    const { page } = await open("/search/?q=breakdancing");
    await page.locator("a.hit").first().waitFor();
    const meta = await page.locator(".search-result .item-meta").first().textContent();
    expect(meta).toContain("Moscow");
    expect(meta).toMatch(/2020/);
    await page.close();
  });

  it("says nothing matches a word the archive does not have, rather than showing what Pagefind's prefix fallback finds", async () => {
    // Pagefind answers "abyss" with records holding "a", its longest prefix in the index.
    const { page, errors } = await open("/search/?q=abyss");
    await expect.poll(() => page.locator("#search_status").textContent(), { timeout: 20_000 }).toMatch(/^No answers, questions or remarks match “abyss”/);
    expect(await page.locator("a.hit").count()).toBe(0);
    // A word's other forms still find it, and so does a query where one word is real.
    const stem = await open("/search/?q=sanction");
    expect((await hits(stem.page)).length).toBeGreaterThan(0);
    expect(await stem.page.locator("#search_status").textContent()).toMatch(/^“sanction” found in answers of 2 transcripts/);
    expect(await stem.page.locator("mark").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^sanctions?$/i)]));
    expect(errors).toEqual([]);
    await stem.page.close();
    await page.close();
  });

  it("says so when nothing matches", async () => {
    const { page, errors } = await open("/search/?q=zyxwvutsrq");
    await expect.poll(() => page.locator("#search_status").textContent(), { timeout: 20_000 }).toMatch(/^No answers, questions or remarks match “zyxwvutsrq”/);
    expect(await page.locator("a.hit").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("does not index the site header, footer, table of contents or the original-header box", async () => {
    const { page } = await open("/search/");
    // Footer, skip link, table of contents, original-header box: text only the site's furniture holds.
    const phrases = ["Published with Verbatim", "Skip to content", "Contents Opening remarks Question 1", "Original header and credits", "Link to this paragraph", "min read"];
    const found = (await page.evaluate(`(async () => {
      const pf = await import("/pagefind/pagefind.js");
      const inst = await pf.createInstance({ basePath: "/pagefind/2020/" });
      await inst.mergeIndex("/pagefind/2018/");
      const out = {};
      for (const q of ${JSON.stringify(phrases)}) out[q] = (await inst.search('"' + q + '"')).results.length;
      out.control = (await inst.search('"Franklin D. Roosevelt"')).results.length;
      return out;
    })()`)) as Record<string, number>;
    expect(found).toEqual({ ...Object.fromEntries(phrases.map((p) => [p, 0])), control: 1 });
    await page.close();
  });

  it("loads no search code until the reader starts searching", async () => {
    const transcript = await open(new URL(ctx.site.report.transcripts[0]!.url, "http://x").pathname);
    await transcript.page.waitForLoadState("networkidle");
    expect(transcript.requests.filter((p) => p.includes("/pagefind/"))).toEqual([]);
    await transcript.page.close();

    const { page, requests } = await open("/search/");
    await page.waitForLoadState("networkidle");
    expect(requests.filter((p) => p.includes("/pagefind/"))).toEqual([]);
    await page.locator("#search_q").focus();
    await expect.poll(() => requests.filter((p) => p.endsWith("/pagefind/pagefind.js")).length, { timeout: 20_000 }).toBe(1);
    await page.close();
  });

  it("submits the header search box to the search page without JavaScript", async () => {
    const context = await ctx.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${ctx.served.url}${ctx.site.report.transcripts[0]!.url.slice(1)}`);
    await page.locator("#site_q").fill("breakdancing");
    await page.locator("#site_q").press("Enter");
    await page.waitForURL(/\/search\/\?q=breakdancing$/);
    expect(await page.locator("h1").textContent()).toBe("Search");
    await context.close();
  });
});
