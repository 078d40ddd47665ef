import { beforeAll, describe, expect, it } from "vitest";
import { searchRecords, urlOfPath } from "../../src/search/records.js";
import { buildSite, type BuiltSite } from "../support/build-site.js";
import { builtPages } from "./pages.js";

/** Paragraph ids and texts of a page, read from its rendered HTML. */
function paragraphs(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<p id="([^"]+)" data-line="\d+">(.*?)<a class="plink"/g)].map((m) => [m[1]!, m[2]!]));
}
/** Transcript pages are /YYYY/MM/DD/slug/; year archives, answer pages and the rest live elsewhere. */
const isTranscriptPage = (path: string) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(path);
const kindOfId = (id: string) => ({ a: "answer", q: "question", p: "remarks" })[/--([aqp])\d+$/.exec(id)![1]!];

describe("search records of the sample transcripts (real templates)", () => {
  let site: BuiltSite;
  let pages: { path: string; content: string }[];

  beforeAll(async () => {
    site = await buildSite();
    pages = builtPages(site.dir);
  });

  it("makes one record per kind of text, at the page URL plus its kind", () => {
    const transcripts = pages.filter((p) => isTranscriptPage(p.path));
    expect(transcripts).toHaveLength(2);
    for (const page of transcripts) {
      const records = searchRecords(page.path, page.content);
      expect(records.map((r) => r.kind)).toEqual(["remarks", "question", "answer"]);
      for (const r of records) {
        expect(r.url).toBe(`${urlOfPath(page.path)}?kind=${r.kind}`);
        expect(r.content).toContain(`data-pagefind-filter="kind:${r.kind}"`);
      }
    }
  });

  it("puts every paragraph, word for word, in the record of its own kind and in no other", () => {
    for (const page of pages.filter((p) => isTranscriptPage(p.path))) {
      const all = paragraphs(page.content);
      expect(all.size).toBeGreaterThan(10);
      const records = searchRecords(page.path, page.content);
      const seen = new Map<string, string>();
      for (const r of records) {
        for (const [id, text] of paragraphs(r.content)) {
          expect(seen.has(id), `${id} is in two records`).toBe(false);
          seen.set(id, r.kind);
          expect(kindOfId(id), id).toBe(r.kind);
          expect(text).toBe(all.get(id));
        }
      }
      expect([...seen.keys()].sort()).toEqual([...all.keys()].sort());
    }
  });

  it("leaves out the site header, footer, table of contents and the original-header box", () => {
    for (const page of pages.filter((p) => isTranscriptPage(p.path))) {
      expect(page.content).toContain('<nav class="toc"');
      for (const r of searchRecords(page.path, page.content)) {
        for (const furniture of ["site-header", "site-footer", '<nav class="toc"', "original-header", "skip-link"]) expect(r.content).not.toContain(furniture);
        // Question summaries in headings are not indexed: they would put question words in answer records.
        expect(r.content).not.toMatch(/<span class="summary">/);
      }
    }
  });

  it("indexes the title once per page, in its first record", () => {
    for (const page of pages.filter((p) => isTranscriptPage(p.path))) {
      const [first, ...rest] = searchRecords(page.path, page.content);
      expect(first!.content).toContain('<header class="transcript-header">');
      for (const r of rest) expect(r.content).toContain('<header class="transcript-header" data-pagefind-ignore>');
    }
  });

  it("makes no records for pages that do not opt in to search (home, search, archives, answer pages)", () => {
    const others = pages.filter((p) => !isTranscriptPage(p.path));
    expect(others.map((p) => p.path)).toEqual(expect.arrayContaining(["404.html", "index.html", "search/index.html", "2020/index.html", "speakers/index.html"]));
    // Each answer also has a page of its own; it is found through its transcript's records, not twice.
    expect(others.filter((p) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/[^/]+\/index\.html$/.test(p.path))).toHaveLength(17);
    for (const p of others) expect(searchRecords(p.path, p.content)).toEqual([]);
  });
});
