import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageUrl } from "../../src/emit/page-url.js";
import type { Section } from "../../src/model/transcript.js";
import { withParagraphIds } from "../../src/parse/ids.js";
import { launchChromium } from "../support/browser.js";
import { buildCorpus, makeCorpus, readPage, withDom } from "../ids/corpus.js";
import { renderTranscripts, transcript } from "./render-pages.js";

/** Text that Markdown, HTML, Liquid/Nunjucks or a browser would read as something other than text. */
export const HOSTILE_LINES: string[] = [
  "# Heading one", "## Not a heading either", "###### six", "#hashtag at the start",
  "> a quotation", ">> nested", "- a list item", "* a star item", "+ a plus item", "1. first", "2) second", "10. tenth",
  "---", "***", "___", "===", "- - -", "Setext candidate\n===", "Setext two\n---",
  "<script>alert(1)</script>", "<script src=\"https://evil.example/x.js\"></script>", "<img src=x onerror=alert(1)>",
  "<iframe src=\"https://evil.example\"></iframe>", "<style>body{display:none}</style>", "</p></section></div></main>",
  "<!-- a comment -->", "<?php echo 1; ?>", "<![CDATA[x]]>", "<div>", "<a href=\"https://evil.example\">click</a>",
  "[x](javascript:alert(1))", "[x]: javascript:alert(1)", "![img](https://evil.example/x.png)", "<https://example.org>",
  "https://example.org/auto?a=1&b=2", "mailto:someone@example.org",
  "{{ site.title }}", "{{- 7*7 -}}", "{% raw %}x{% endraw %}", "{% include 'x' %}", "{# note #}", "${process.env.HOME}",
  "\\*not emphasis\\*", "C:\\Windows\\System32", "a \\ b \\\\ c", "back\\", "\\# escaped hash",
  "&amp; &lt; &gt; &quot; &#39; &#123; &copy; &nbsp;", "AT&T and R&D", "&", "1 < 2 > 0",
  "trailing double spaces  ", "    four-space indented code", "\tTab indented", "        eight spaces",
  "`code` and ``double``", "```", "~~~", "*emphasis* _under_ **strong** __bold__", "~~strike~~", "| a | b |", "|---|---|",
  "Term\n: definition", "<details open><summary>x</summary>", "line one\nline two", "para one\n\n# para two", "cr\r\rcr\r\n",
  "Emoji 🎉 👩‍👩‍👧 ✔︎ 🇷🇺", "RTL: مرحبا بالعالم ועברית", "\u202Eevil override\u202C", "zero\u200Bwidth and\u00A0nbsp",
  "“Quotes” ‘single’ «guillemets» – dash — dash…", "\"double\" 'single'", "   ", "",
];

const remarks = (lines: string[]): Section =>
  withParagraphIds({ kind: "remarks", id: "remarks", turns: [{ role: "remarks", label: null, speaker: null, affiliation: null, line: 1, paragraphs: lines.map((text, i) => ({ id: "p", text, line: i + 1 })) }] });

const qa = (id: string, question: string, answer: string[]): Section =>
  withParagraphIds({
    kind: "qa", id,
    question: [{ role: "question", label: "<b>Question</b>:", speaker: null, affiliation: null, line: 1, paragraphs: [{ id: "q", text: question, line: 1 }] }],
    answer: [{ role: "answer", label: "{{ speaker }}:", speaker: "Sergey {% Lavrov %}", affiliation: null, line: 2, paragraphs: answer.map((text) => ({ id: "a", text, line: 2 })) }],
  });

/** Text of every paragraph with an id, without its ¶ link, as Chromium reads the page. */
const paragraphTexts = (html: string, browser: Browser): Promise<Record<string, string>> =>
  withDom(browser, html, (page) =>
    page.evaluate(() => Object.fromEntries([...document.querySelectorAll(".sections p[id]")].map((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelector(".plink")?.remove();
      return [p.id, copy.textContent ?? ""];
    }))));

describe("hostile transcript text through real Eleventy", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renders every hostile paragraph as exactly its own text, never as markup", async () => {
    const t = transcript({
      sections: [remarks(HOSTILE_LINES), qa("q-one", "<script>alert('q')</script> {{ q }}", HOSTILE_LINES.slice().reverse())],
    });
    const { out, pages } = await renderTranscripts([t]);
    const html = await readFile(join(out, pageUrl(t), "index.html"), "utf8");
    const texts = await paragraphTexts(html, browser);
    const expected: Record<string, string> = {};
    for (const s of t.sections) for (const turn of s.kind === "qa" ? [...s.question, ...s.answer] : s.turns) for (const p of turn.paragraphs) expected[p.id] = p.text;
    expect(Object.keys(expected)).toHaveLength(HOSTILE_LINES.length * 2 + 1);
    expect(texts).toEqual(expected);

    // Nothing became an element: the only scripts are the page's own, no image, frame, style or javascript: link.
    const counts = await withDom(browser, html, (page) => page.evaluate(() => ({
      scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src")),
      injected: document.querySelectorAll(".sections img, .sections iframe, .sections style, .sections script, .sections h1, .sections h3, .sections blockquote, .sections ul, .sections ol, .sections pre, .sections code, .sections em, .sections strong, .sections hr, .sections table, .sections details, .sections div div div").length,
      jsLinks: document.querySelectorAll('a[href^="javascript" i]').length,
      speakers: [...document.querySelectorAll(".sections .speaker")].map((s) => s.textContent),
    })));
    // Only the site's own scripts, from its own assets folder.
    expect(counts.scripts).toEqual(["/assets/highlight.js", "/assets/links.js"]);
    expect(counts.injected).toBe(0);
    expect(counts.jsLinks).toBe(0);
    expect(counts.speakers).toEqual(["<b>Question</b>:", "{{ speaker }}:"]);
    // The Markdown page itself carries no raw template or tag syntax from the text.
    const body = (pages[0] ?? "").split("\n---\n").slice(1).join("\n---\n");
    expect(body).not.toMatch(/\{\{|\{%|<script>|<img |\n\n(?!<section)/);
  });

  it("keeps every hostile line of a real transcript file, through parse, emit, Eleventy and Pagefind", async () => {
    // Lines that read as a speaker label (C:\Windows) and no-break spaces (normalised on reading) are the
    // business of ingest and parse, not of escaping; the test above covers them exactly.
    const lines = HOSTILE_LINES.filter((l) => !/[\r\n\u00A0]/.test(l) && l.trim() !== "" && !/^[^:]{1,40}:/.test(l));
    const text = ["Press conference on hostile text, Moscow, March 4, 2021", "", "Dear colleagues,", "", ...lines.map((l) => `${l}\n`), "Question: Is <b>this</b> {{ safe }}?", "", "Sergey Lavrov: # Yes > no {% if %}", ""].join("\n");
    const corpus = await makeCorpus({ "hostile.txt": text });
    const site = await buildCorpus(corpus);
    const entry = site.report.transcripts[0];
    const html = await readPage(site, entry?.url ?? "");
    const shown = Object.values(await paragraphTexts(html, browser));
    const removed = (entry?.removed ?? []).map((r) => r.text);
    // Each line is shown exactly (the parser trims surrounding blanks) or listed as removed furniture.
    for (const l of lines) expect(shown.includes(l.trim()) || removed.includes(l.trim()), l).toBe(true);
    expect(shown).toContain("Is <b>this</b> {{ safe }}?");
    expect(shown).toContain("# Yes > no {% if %}");
  });
});
