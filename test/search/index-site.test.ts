import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { indexSiteFiles } from "../../src/search/index-in-worker.js";
import { indexSite } from "../../src/search/index-site.js";
import { urlOfPath } from "../../src/search/records.js";
import { buildSite } from "../support/build-site.js";
import { builtPages } from "./pages.js";

/** The result fragments of a bundle (each Pagefind fragment is gzip'd JSON after a fixed prefix). */
function fragments(bundle: string): { url: string; content: string; anchors: { element: string; id: string; text: string; location: number }[] }[] {
  return readdirSync(bundle)
    .filter((part) => existsSync(join(bundle, part, "fragment")))
    .flatMap((part) => readdirSync(join(bundle, part, "fragment")).map((f) => JSON.parse(gunzipSync(readFileSync(join(bundle, part, "fragment", f))).toString("utf8").slice("pagefind_dcd".length))));
}

/** Every file of a folder with a hash of its bytes. */
function snapshot(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, snapshot(p, `${prefix}${e.name}/`));
    else out[`${prefix}${e.name}`] = createHash("sha256").update(readFileSync(p)).digest("hex");
  }
  return out;
}

describe("the split search index (real Pagefind)", () => {
  let pages: { path: string; content: string }[];
  let tmp: string;
  let siteDir: string;

  beforeAll(async () => {
    siteDir = (await buildSite()).dir;
    pages = builtPages(siteDir);
    tmp = await mkdtemp(join(tmpdir(), "verbatim-index-"));
  });

  it("writes one index per year, newest first, with the runtime at the bundle root", async () => {
    const bundle = join(tmp, "plain");
    const report = await indexSite(pages, bundle);
    expect(report.errors).toEqual([]);
    expect(report.pages).toBe(2);
    expect(report.records).toBe(6);
    expect(JSON.parse(readFileSync(join(bundle, "parts.json"), "utf8"))).toEqual({ parts: ["2020", "2018"] });
    for (const f of ["pagefind.js", "pagefind-worker.js", "pagefind-highlight.js"]) expect(existsSync(join(bundle, f))).toBe(true);
    for (const part of ["2020", "2018"]) {
      expect(existsSync(join(bundle, part, "pagefind-entry.json"))).toBe(true);
      expect(existsSync(join(bundle, part, "pagefind-ui.js"))).toBe(false);
    }
    // Pages without searchable text make no part of their own.
    expect(existsSync(join(bundle, "undated"))).toBe(false);
  });

  it("gives the same bytes and file names for the same pages, every time", async () => {
    // Pagefind orders filter values and the filter list by a HashMap seeded afresh in each process: with three
    // kinds in each year's filter, two runs in a row almost never agreed before the bundle was put in order.
    const runs = [];
    for (const name of ["again-1", "again-2", "again-3"]) {
      expect((await indexSite(pages, join(tmp, name))).errors).toEqual([]);
      runs.push(snapshot(join(tmp, name)));
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it("indexes the same bundle, byte for byte, on a worker thread of its own as on this one", async () => {
    const files = pages.map((p) => ({ path: p.path, file: join(siteDir, p.path) }));
    const here: string[] = [], there: string[] = [];
    const a = await indexSiteFiles(files, join(tmp, "this-thread"), { thread: "this", log: (l) => here.push(l) });
    const b = await indexSiteFiles(files, join(tmp, "worker"), { thread: "worker", log: (l) => there.push(l) });
    expect(b).toEqual(a);
    expect(a.errors).toEqual([]);
    expect(there).toEqual(here);
    expect(here).toContainEqual(expect.stringMatching(/^search part 2020: 1 page\(s\), indexed$/));
    expect(snapshot(join(tmp, "worker"))).toEqual(snapshot(join(tmp, "this-thread")));
  });

  it("reports a page it cannot read the same way on either thread: the reason, no stack trace", async () => {
    const missing = [{ path: "2020/10/05/gone/index.html", file: join(tmp, "no-such-page.html") }];
    for (const thread of ["this", "worker"] as const) {
      const failure = await indexSiteFiles(missing, join(tmp, `missing-${thread}`), { thread }).then(() => null, (e: Error) => e);
      expect(failure?.message, thread).toMatch(/^ENOENT: no such file or directory, open '.*no-such-page\.html'$/);
    }
  });

  it("re-indexes only the year whose transcript changed, and reuses the rest byte for byte", async () => {
    const cacheDir = join(tmp, "cache");
    const first = await indexSite(pages, join(tmp, "a"), { cacheDir });
    expect(first.parts.filter((p) => p.pages > 0).map((p) => [p.name, p.reused])).toEqual([["2020", false], ["2018", false]]);

    const again = await indexSite(pages, join(tmp, "b"), { cacheDir });
    expect(again.parts.every((p) => p.reused)).toBe(true);
    expect(snapshot(join(tmp, "b"))).toEqual(snapshot(join(tmp, "a")));
    // A reused part is hard links to the cache, not a copy; deleting a published bundle leaves the cache whole.
    const fragment = readdirSync(join(tmp, "b", "2020", "fragment"))[0]!;
    expect(statSync(join(tmp, "b", "2020", "fragment", fragment)).nlink).toBeGreaterThan(1);
    const published = snapshot(join(tmp, "a"));
    rmSync(join(tmp, "a"), { recursive: true });
    rmSync(join(tmp, "b"), { recursive: true });
    expect((await indexSite(pages, join(tmp, "b"), { cacheDir })).parts.every((p) => p.reused)).toBe(true);
    expect(snapshot(join(tmp, "b"))).toEqual(published);
    // A published file rewritten in place (through the link, so in the cache too) makes its year indexed again.
    writeFileSync(join(tmp, "b", "2020", "fragment", fragment), "damaged");
    const repaired = await indexSite(pages, join(tmp, "b"), { cacheDir });
    expect(repaired.parts.filter((p) => p.pages > 0).map((p) => [p.name, p.reused])).toEqual([["2020", false], ["2018", true]]);
    expect(snapshot(join(tmp, "b"))).toEqual(published);

    const edited = pages.map((p) => (p.path.startsWith("2018/") ? { ...p, content: p.content.replace(/(<p id="[^"]+--a1"[^>]*>)/, "$1Corrected: ") } : p));
    expect(edited).not.toEqual(pages);
    const changed = await indexSite(edited, join(tmp, "c"), { cacheDir });
    expect(changed.parts.filter((p) => p.pages > 0).map((p) => [p.name, p.reused])).toEqual([["2020", true], ["2018", false]]);
    // One cached version per year; a year with no pages left loses its cache.
    expect(readdirSync(cacheDir).map((e) => e.slice(0, 5)).sort()).toEqual(["2018-", "2020-"]);
    await indexSite(edited.filter((p) => !p.path.startsWith("2018/")), join(tmp, "f"), { cacheDir });
    expect(readdirSync(cacheDir).map((e) => e.slice(0, 5))).toEqual(["2020-"]);
    const [a, c] = [published, snapshot(join(tmp, "c"))];
    const differs = Object.keys(c).filter((k) => a[k] !== c[k]);
    expect(differs.length).toBeGreaterThan(0);
    expect(differs.every((k) => k.startsWith("2018/"))).toBe(true);
  });

  it("indexes the same pages into the same words and fragments", async () => {
    await indexSite(pages, join(tmp, "d"));
    await indexSite(pages, join(tmp, "e"));
    // The word index and the fragments are Pagefind's own bytes (canonical-bundle.ts rewrites only the filter,
    // metadata and entry files), so they must agree run to run without any help.
    const stable = (snap: Record<string, string>) => Object.fromEntries(Object.entries(snap).filter(([k]) => !/\/filter\/|pf_meta$|pagefind-entry\.json$/.test(k)));
    const [d, e] = [stable(snapshot(join(tmp, "d"))), stable(snapshot(join(tmp, "e")))];
    expect(Object.keys(d).some((k) => k.includes("/index/")) && Object.keys(d).some((k) => k.includes("/fragment/"))).toBe(true);
    expect(e).toEqual(d);
  });

  it("anchors every paragraph once, at the position of its first word, so a hit links to the paragraph it is in", async () => {
    await indexSite(pages, join(tmp, "g"));
    const frags = fragments(join(tmp, "g"));
    const paragraphs = new Map<string, string>();
    // Paragraph ids are unique within a page: "remarks--p1" is in every transcript.
    for (const page of pages) {
      for (const m of page.content.matchAll(/<p id="([^"]+)" data-line="\d+">(.*?)<a class="plink"/g)) paragraphs.set(`${urlOfPath(page.path)}#${m[1]}`, m[2]!.replace(/<[^>]*>/g, ""));
    }
    expect(paragraphs.size).toBeGreaterThan(50);
    const seen = new Set<string>();
    for (const frag of frags) {
      const words = frag.content.split(/\s+/);
      const page = frag.url.replace(/\?kind=\w+$/, "");
      for (const a of frag.anchors.filter((x) => paragraphs.has(`${page}#${x.id}`))) {
        const key = `${page}#${a.id}`;
        expect(seen.has(key), `${key} anchored twice`).toBe(false);
        seen.add(key);
        // The search page links a hit to the last anchor at or before its first word: this one must be where
        // the paragraph starts.
        const first = paragraphs.get(key)!.split(/\s+/)[0]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
        expect(words[a.location]!.startsWith(first), `${a.id}: "${words[a.location]}" at ${a.location}, paragraph starts "${first}"`).toBe(true);
      }
      // Headings keep their text: it is the sub-result's title.
      for (const a of frag.anchors.filter((x) => x.element === "h2")) expect(a.text).not.toBe("");
    }
    expect([...seen].sort()).toEqual([...paragraphs.keys()].sort());
  });
});
