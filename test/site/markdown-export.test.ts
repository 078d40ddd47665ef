import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { parseTranscript } from "../../src/parse/parse.js";
import { escapeMarkdown, transcriptMarkdown } from "../../src/site/markdown-export.js";
import { published } from "../../src/site/published.js";

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** What a CommonMark renderer shows for a document: its text, without tags or entities. */
function shown(markdown: string): string {
  return md
    .render(markdown)
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

const ADVERSARIAL = [
  "# Not a heading",
  "> not a quote",
  "- not a list",
  "1. not a list either",
  "2) nor this",
  "---",
  "***",
  "===",
  "```js",
  "~~~",
  "    four spaces are not code",
  "<script>alert(1)</script>",
  "<!-- comment -->",
  "[a link](javascript:alert(1)) and ![an image](x.png)",
  "[ref]: /not-a-definition",
  "*emphasis* _under_ **strong** ~~strike~~ `code`",
  "a | table | row",
  "&amp; &copy; &#123; entities stay text",
  "{{ template }} {% tag %} ${expr}",
  "back\\slash \\* escaped star",
  "C# and F# # end #",
  "Footnote[^1] and <https://example.org> autolink",
];

describe("the Markdown download", () => {
  it("shows every adversarial line as exactly its text", () => {
    for (const text of ADVERSARIAL) expect(shown(escapeMarkdown(text)).trim()).toBe(text.trim());
  });

  it("shows any printable text as exactly that text (property)", () => {
    const chars = fc.constantFrom(..."abc XYZ 019 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ é—“”".split(""));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 40 }).map((a) => a.join("")), (text) => {
        fc.pre(text.trim() !== "");
        expect(shown(escapeMarkdown(text)).trim()).toBe(text.trim());
      }),
      { numRuns: 500 },
    );
  });

  it("keeps every word of a transcript with hostile text, under headings that stay headings", () => {
    const source = [
      "# Press conference on {{ site.title }} & <b>friends</b>, Moscow, October 5, 2020",
      "",
      "1. Opening words with *stars* and [brackets](http://x).",
      "",
      "Question: > Is this a quote? | or a table?",
      "",
      "Sergey Lavrov: --- No. `Nothing` here is markup: <script>alert(1)</script>",
    ].join("\n");
    const t = parseTranscript(source);
    const [p] = published([{ file: "hostile.txt", t }]);
    const out = shown(transcriptMarkdown({ baseUrl: null, pathPrefix: "/" }, p!));
    const words = t.sections.flatMap((s) => (s.kind === "qa" ? [...s.question, ...s.answer] : s.turns)).flatMap((turn) => turn.paragraphs.map((x) => x.text));
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(out).toContain(w);
    expect(md.render(transcriptMarkdown({ baseUrl: null, pathPrefix: "/" }, p!))).toMatch(/<h1>[^<]*\{\{ site\.title \}\}/);
    // Labels are shown as written, with their one colon.
    expect(out).toMatch(/^Question:$/m);
    expect(out).toMatch(/^Sergey Lavrov:$/m);
    expect(out).not.toContain("::");
  });
});
