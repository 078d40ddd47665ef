import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TranscriptSchema } from "../../src/model/transcript.js";
import { launchChromium } from "../support/browser.js";
import { buildSite, type BuiltSite } from "../support/build-site.js";
import { htmlLinks, jsonLinks, xmlLinks } from "../support/crawl.js";
import { serveStatic, type Served } from "../support/serve.js";

const BASE = "https://example.org/archive/";
const SOCHI = "/2018/02/07/foreign-minister-sergey-lavrovs-remarks-answers-questions-meeting-finalists-leaders-russia-contest/";
const MOSCOW = "/2020/10/05/foreign-minister-sergey-lavrovs-remarks-answers-questions-meeting-members-association-european-businesses/";

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split("\\").join("/"))
    .sort();
}

describe("the sample site built for https://example.org/archive/ and served under /archive/ only", () => {
  let site: BuiltSite;
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    site = await buildSite({ pathPrefix: "/archive/", baseUrl: BASE });
    served = await serveStatic(site.dir, "/archive/");
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** A link as written in a built file -> the URL to fetch from the test server, or null if external. */
  function local(link: string, from: string): URL | null {
    if (link.startsWith(BASE)) return new URL(link.slice(BASE.length), served.url);
    const u = new URL(link, from);
    return u.origin === new URL(served.url).origin ? u : null;
  }

  it("writes every page, feed and data file at its documented URL", () => {
    const all = files(site.dir).filter((f) => !f.startsWith("pagefind/"));
    for (const f of [
      "index.html", "404.html", "search/index.html", "speakers/index.html", "speakers/sergey-lavrov/index.html",
      "2018/index.html", "2020/index.html", "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "transcripts.json",
      "assets/style.css", "assets/links.js",
    ]) expect(all).toContain(f);
    for (const t of [SOCHI, MOSCOW]) for (const f of ["index.html", "index.json", "index.md"]) expect(all).toContain(`${t.slice(1)}${f}`);
    // One page per question: 4 in Sochi, 13 in Moscow (the seeds' question/answer sections).
    const answerPages = all.filter((f) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/[^/]+\/index\.html$/.test(f));
    expect(answerPages).toHaveLength(site.report.transcripts.reduce((n, t) => n + t.sections, 0) - 2);
    expect(answerPages).toContain(`${MOSCOW.slice(1)}we-have-noticed-these-concerns-regarding/index.html`);
  });

  it("resolves every internal link of every page, feed and JSON file, anchors included, under the prefix", async () => {
    const queue = [served.url, `${served.url}feed.xml`, `${served.url}feed.json`, `${served.url}transcripts.json`, `${served.url}sitemap.xml`, `${served.url}404.html`];
    const seen = new Map<string, string>();
    const anchors: { url: URL; from: string }[] = [];
    const broken: string[] = [];
    while (queue.length) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      const res = await fetch(url);
      const body = await res.text();
      seen.set(url, body);
      if (!res.ok) {
        broken.push(`${res.status} ${url}`);
        continue;
      }
      const type = res.headers.get("content-type") ?? "";
      const links = type.includes("html") ? htmlLinks(body) : type.includes("json") ? jsonLinks(JSON.parse(body)) : url.endsWith(".xml") ? xmlLinks(body) : [];
      for (const link of links) {
        if (link.startsWith("data:") || link.startsWith("?")) continue;
        if (link.startsWith("/") && !link.startsWith("/archive/")) broken.push(`${link} in ${url} escapes the prefix`);
        const u = local(link, url);
        if (!u) continue;
        if (u.hash) anchors.push({ url: new URL(u), from: url });
        u.hash = "";
        if (u.pathname.startsWith("/archive/pagefind/")) continue;
        queue.push(u.href);
      }
    }
    for (const { url, from } of anchors) {
      const id = decodeURIComponent(url.hash.slice(1));
      const page = seen.get(`${url.origin}${url.pathname}`) ?? "";
      if (!page.includes(`id="${id}"`)) broken.push(`#${id} (linked from ${from}) is not on ${url.pathname}`);
    }
    expect(broken).toEqual([]);
    // The crawl reached every HTML page the build wrote (no page is an orphan).
    const pages = files(site.dir).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
    const reached = new Set([...seen.keys()].map((u) => relative("/archive/", new URL(u).pathname) || "."));
    for (const f of pages) expect(reached.has(f.replace(/(^|\/)index\.html$/, "") || ".") || reached.has(f), f).toBe(true);
    expect(seen.size).toBeGreaterThan(pages.length);
  });

  it("serves nothing outside /archive/ and the 404 page with working links from any depth", async () => {
    expect((await fetch(new URL("/feed.xml", served.url))).status).toBe(404);
    const res = await fetch(`${served.url}no/such/page/`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Page not found");
    expect(htmlLinks(html).filter((l) => l.startsWith("/") && !l.startsWith("/archive/"))).toEqual([]);
  });

  it("has Atom and JSON feeds that parse, with one entry per transcript, newest first, and absolute links", async () => {
    const page = await browser.newPage();
    await page.goto(served.url);
    const atom = await page.evaluate(async (url) => {
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "application/xml");
      const error = doc.querySelector("parsererror")?.textContent ?? null;
      const ns = doc.documentElement.namespaceURI;
      const entries = [...doc.getElementsByTagName("entry")].map((e) => ({
        title: e.getElementsByTagName("title")[0]?.textContent,
        link: e.getElementsByTagName("link")[0]?.getAttribute("href"),
        id: e.getElementsByTagName("id")[0]?.textContent,
        updated: e.getElementsByTagName("updated")[0]?.textContent,
      }));
      return { error, ns, entries, self: doc.querySelector("feed > link[rel=self]")?.getAttribute("href") };
    }, `${served.url}feed.xml`);
    expect(atom.error).toBeNull();
    expect(atom.ns).toBe("http://www.w3.org/2005/Atom");
    expect(atom.self).toBe(`${BASE}feed.xml`);
    expect(atom.entries.map((e) => e.link)).toEqual([`${BASE}${MOSCOW.slice(1)}`, `${BASE}${SOCHI.slice(1)}`]);
    expect(atom.entries[0]?.title).toMatch(/Association of European Businesses/);
    expect(atom.entries.map((e) => e.id)).toEqual(atom.entries.map((e) => e.link));
    for (const e of atom.entries) expect(e.updated).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/);
    const sitemap = await page.evaluate(async (url) => {
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "application/xml");
      return { error: doc.querySelector("parsererror")?.textContent ?? null, locs: [...doc.getElementsByTagName("loc")].map((l) => l.textContent) };
    }, `${served.url}sitemap.xml`);
    expect(sitemap.error).toBeNull();
    expect(sitemap.locs).toContain(`${BASE}${MOSCOW.slice(1)}we-have-noticed-these-concerns-regarding/`);
    expect(sitemap.locs).not.toContain(`${BASE}404.html`);
    await page.close();

    const feed = (await (await fetch(`${served.url}feed.json`)).json()) as { version: string; feed_url: string; items: { id: string; url: string; title: string; content_html: string }[] };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(`${BASE}feed.json`);
    expect(feed.items.map((i) => i.url)).toEqual([`${BASE}${MOSCOW.slice(1)}`, `${BASE}${SOCHI.slice(1)}`]);
    expect(feed.items[0]?.content_html).toContain(`${BASE}${MOSCOW.slice(1)}we-have-noticed-these-concerns-regarding/`);
  });

  it("publishes each transcript's parsed structure as JSON that validates against the model", async () => {
    const doc = (await (await fetch(`${served.url}${MOSCOW.slice(1)}index.json`)).json()) as { url: string; questions: { url: string }[]; transcript: unknown };
    const t = TranscriptSchema.parse(doc.transcript);
    expect(doc.url).toBe(`${BASE}${MOSCOW.slice(1)}`);
    expect(t.sections.filter((s) => s.kind === "qa")).toHaveLength(doc.questions.length);
    expect(t.sections.some((s) => s.kind === "qa" && s.answer.some((a) => a.paragraphs.some((p) => p.text.includes("breakdancing"))))).toBe(true);
    const index = (await (await fetch(`${served.url}transcripts.json`)).json()) as { count: number; transcripts: { url: string; json: string; markdown: string }[] };
    expect(index.count).toBe(2);
    expect(index.transcripts.map((x) => x.json)).toEqual([`${BASE}${MOSCOW.slice(1)}index.json`, `${BASE}${SOCHI.slice(1)}index.json`]);
    const md = await (await fetch(`${served.url}${SOCHI.slice(1)}index.md`)).text();
    expect(md).toMatch(/^---\ntitle: /);
    expect(md).toContain("## Question 4");
  });

  it("gives each answer page the question as title and description, OpenGraph tags and a citation with the permanent URL", () => {
    const html = readFileSync(join(site.dir, MOSCOW.slice(1), "we-have-noticed-these-concerns-regarding/index.html"), "utf8");
    const meta = (p: string) => html.match(new RegExp(`<meta (?:property|name)="${p}" content="([^"]*)"`))?.[1];
    expect(html).toMatch(/<title>We have noticed these concerns regarding the recent trends/);
    expect(meta("og:title")).toMatch(/^We have noticed these concerns regarding/);
    expect(meta("description")).toMatch(/We have noticed these concerns regarding/);
    expect(meta("og:description")).toBe(meta("description"));
    expect(meta("og:url")).toBe(`${BASE}${MOSCOW.slice(1)}we-have-noticed-these-concerns-regarding/`);
    expect(meta("twitter:card")).toBe("summary");
    expect(html).toContain(`<link rel="canonical" href="${BASE}${MOSCOW.slice(1)}we-have-noticed-these-concerns-regarding/">`);
    expect(html).toContain(`href="/archive${MOSCOW}#we-have-noticed-these-concerns-regarding"`);
    expect(html).toMatch(/Lavrov, Sergey\. “Foreign Minister Sergey Lavrov’s remarks .*” Answer to question 2: .* Moscow, October 5, 2020\. The Ministry of Foreign Affairs of the Russian Federation\. https:\/\/example\.org\/archive\/2020\/10\/05\/[^ ]+\/we-have-noticed-these-concerns-regarding\/\./);
    expect(html.replace(/&#123;/g, "{").replace(/&#10;/g, "\n")).toMatch(/@misc\{lavrov2020noticed,\n  author = \{Lavrov, Sergey\},/);
    expect((html.match(/<h1[ >]/g) ?? []).length).toBe(1);
  });

  it("links each transcript to the next newer and older one", () => {
    const sochi = readFileSync(join(site.dir, SOCHI.slice(1), "index.html"), "utf8");
    const moscow = readFileSync(join(site.dir, MOSCOW.slice(1), "index.html"), "utf8");
    expect(sochi).toContain(`<a class="pager-newer" href="/archive${MOSCOW}" rel="next">`);
    expect(sochi).not.toContain("pager-older");
    expect(moscow).toContain(`<a class="pager-older" href="/archive${SOCHI}" rel="prev">`);
    expect(moscow).not.toContain("pager-newer");
  });
});

describe("the sample site built without a base URL", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite({ pathPrefix: "/archive/" });
  });

  it("leaves out absolute-URL tags and the sitemap instead of inventing a host", () => {
    const html = readFileSync(join(site.dir, MOSCOW.slice(1), "index.html"), "utf8");
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain("og:url");
    expect(html).toContain('property="og:title"');
    expect(files(site.dir)).not.toContain("sitemap.xml");
    expect(readFileSync(join(site.dir, "robots.txt"), "utf8")).not.toContain("Sitemap");
  });

  it("writes feeds and JSON whose links are prefixed paths and whose only absolute URLs are namespaces and sources", () => {
    const atom = readFileSync(join(site.dir, "feed.xml"), "utf8");
    const json = readFileSync(join(site.dir, "feed.json"), "utf8");
    expect(atom).toContain(`href="/archive${MOSCOW}"`);
    expect(atom).toMatch(/<id>urn:uuid:[0-9a-f-]{36}<\/id>/);
    const sources: string[] = JSON.parse(readFileSync(join(site.dir, "transcripts.json"), "utf8")).transcripts.map((t: { source: string | null }) => t.source).filter(Boolean);
    expect(sources).toHaveLength(1);
    const absolute = [...`${atom}${json}${readFileSync(join(site.dir, "transcripts.json"), "utf8")}`.matchAll(/https?:\/\/[^\s"<&]+/g)].map((m) => m[0]);
    expect([...new Set(absolute)].filter((u) => !sources.some((s: string) => s.startsWith(u))).sort()).toEqual(["http://www.w3.org/2005/Atom", "https://jsonfeed.org/version/1.1"]);
    expect(JSON.parse(json).home_page_url).toBeUndefined();
  });
});
