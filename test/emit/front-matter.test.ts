import { readFile } from "node:fs/promises";
import { join } from "node:path";
import yaml from "js-yaml";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frontMatter, pageData, PageDataSchema } from "../../src/emit/front-matter.js";
import { pageUrl } from "../../src/emit/page-url.js";
import type { Section } from "../../src/model/transcript.js";
import { withParagraphIds } from "../../src/parse/ids.js";
import { withDom } from "../ids/corpus.js";
import { launchChromium } from "../support/browser.js";
import { renderTranscripts, transcript } from "./render-pages.js";

/** Strings YAML would read as something else (booleans, numbers, dates, null, comments, documents, flow). */
const TRICKY = [
  "Lavrov: remarks and answers: Moscow", "\"Quoted\" and 'single' and “curly”", "---", "--- a", "...", "# Not a comment", "a #comment",
  "yes", "no", "On", "off", "Y", "true", "False", "null", "~", "", "123", "-7", "1e3", ".5", "0x1F", "0o17", "1_000", ".inf", ".NaN",
  "2020-10-05", "2020-10-05T10:00:00Z", "12:30", "12:30:15", "- item", "[a, b]", "{a: b}", "&anchor", "*alias", "!tag", "!!str x", "%YAML 1.2",
  "@at", "`tick`", "|", ">", "? key", "trailing space ", " leading space", "tab\there", "multi\nline", "back\\slash \\n", "{{ title }}",
  "{% raw %}", "<b>bold</b> &amp;", "Émoji 🎉 and עברית", "\u00A0nbsp\u00A0",
];

const section: Section = withParagraphIds({ kind: "remarks", id: "remarks", turns: [{ role: "remarks", label: null, speaker: null, affiliation: null, line: 1, paragraphs: [{ id: "p", text: "Thank you.", line: 1 }] }] });

const tricky = (s: string, i: number) =>
  transcript({
    title: s, subtitle: `sub ${s}`, place: s === "" ? null : s, speakers: [s, "Sergey Lavrov"], tags: [`tag ${i}`],
    source: { url: `https://example.org/${i}`, publisher: s === "" ? "x" : s, published: "2020-10-08" },
    slug: `tricky-${i}`, sections: [section],
  });

describe("front-matter round trip", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is validated by the schema and reads back identically with js-yaml 4", () => {
    for (const [i, s] of TRICKY.entries()) {
      const data = pageData(tricky(s, i), `file ${s}.txt`);
      const text = frontMatter(data);
      expect(text.startsWith("---\n") && text.endsWith("\n---\n")).toBe(true);
      // No line of the block can close it early.
      expect(text.slice(4, -4).split("\n")).not.toContain("---");
      expect(PageDataSchema.parse(yaml.load(text.slice(4, -4)))).toEqual(data);
    }
    expect(() => PageDataSchema.parse({ ...pageData(tricky("x", 0), "f"), permalink: "/{{ x }}/" })).toThrow();
  });

  it("gives every tricky string back exactly, as rendered by a real Eleventy build", async () => {
    const transcripts = TRICKY.map(tricky);
    const { out } = await renderTranscripts(transcripts);
    const home = await readFile(join(out, "index.html"), "utf8");
    const listed = await withDom(browser, home, (page) => page.evaluate(() => [...document.querySelectorAll("main a[href]")].map((a) => a.textContent ?? "")));
    for (const [i, s] of TRICKY.entries()) {
      const t = transcripts[i];
      if (!t) throw new Error("missing");
      const html = await readFile(join(out, pageUrl(t), "index.html"), "utf8");
      const seen = await withDom(browser, html, (page) => page.evaluate(() => ({
        h1: document.querySelector("h1")?.textContent,
        title: document.querySelector("title")?.textContent,
        subtitle: document.querySelector(".subtitle")?.textContent,
        place: document.querySelector('[data-pagefind-meta="place"]')?.textContent ?? null,
        speakers: [...document.querySelectorAll('[data-pagefind-filter="speaker"]')].map((e) => e.textContent),
      })));
      expect(seen, JSON.stringify(s)).toEqual({
        h1: s, title: `${s} · Verbatim`, subtitle: `sub ${s}`, place: s === "" ? null : s, speakers: [s, "Sergey Lavrov"],
      });
      expect(listed, JSON.stringify(s)).toContain(s);
    }
  });
});
