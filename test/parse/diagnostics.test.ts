import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { SOCHI } from "../support/paths.js";

function sochi(): string {
  const d = decode(readFileSync(SOCHI));
  if (!d.ok) throw new Error(d.reason);
  return d.text;
}

describe("diagnostics carry line numbers", () => {
  it("warns about a very long turn at the line where the turn starts", () => {
    const t = parseTranscript(sochi(), { longTurnWords: 1500 });
    const long = t.warnings.filter((w) => w.code === "long-turn");
    // The opening remarks (from line 4) run to thousands of words; no answer is that long.
    expect(long.map((w) => w.line)).toEqual([4]);
    expect(long[0]?.message).toMatch(/turn of \d+ words \(over 1500\)/);
  });

  it("warns when no date is found", () => {
    const t = parseTranscript("Remarks on the budget\n\nMINISTER: We will balance the budget.\n\nQUESTION: When?\n\nMINISTER: Next year.\n");
    expect(t.date).toBeNull();
    expect(t.warnings.map((w) => w.code)).toEqual(["no-date"]);
  });

  it("warns about a name-shaped label it does not know, and not about a sentence with a colon", () => {
    const t = parseTranscript([
      "Briefing on the harvest, Kyiv, 3 July 2023",
      "",
      "Taras Kovalenko: The harvest will be lower this year.",
      "",
      "Let me be clear: exports will continue.",
      "",
      "Shevchenko: And the ports?",
    ].join("\n"));
    expect(t.warnings.map((w) => [w.line, w.code])).toEqual([[7, "label-not-recognised"]]);
    expect(t.warnings[0]?.message).toContain('"Shevchenko:"');
  });

  it("reports a broken front-matter block and goes on with the text", () => {
    const t = parseTranscript("---\ntitle: [unclosed\n---\nTalks in Paris\nParis, 1 March 2021\n\nQuestion: Why?\n");
    expect(t.warnings.map((w) => w.code)).toContain("front-matter-yaml");
    expect(t.title).toBe("Talks in Paris");
    expect(t.date).toBe("2021-03-01");
  });

  it("reads a header set apart by '---' rules as text, not as a broken front-matter block", () => {
    const source = "---\n\nRemarks by the Minister, Paris, 3 March 2021\n\nJean Dupont: Good morning.\n\n---\n\nQuestion: Hello?\nJean Dupont: Hi there.\n";
    const t = parseTranscript(source);
    expect(t.warnings.map((w) => w.code)).not.toContain("front-matter-yaml");
    expect(t.title).toMatch(/^Remarks by the Minister/);
    expect(t.date).toBe("2021-03-03");
    expect(t.place).toBe("Paris");
    const shown = t.sections.flatMap((s) => (s.kind === "qa" ? [...s.question, ...s.answer] : s.turns)).flatMap((turn) => turn.paragraphs.map((p) => p.text)).join("\n");
    expect(shown).toContain("Good morning.");
    expect(t.removed.some((r) => r.rule === "front-matter")).toBe(false);
  });

  it("never throws, whatever the input", () => {
    for (const input of ["", "\n\n\n", ":", "Q", "Q:", "---\n---", "\u0000\u0001", "Question:".repeat(500), "a\n".repeat(20000)]) {
      expect(() => parseTranscript(input)).not.toThrow();
    }
  });
});

describe("header pitfalls of copied pages", () => {
  it("takes a masthead as the publisher and a speaker's name next to the date as no place", () => {
    const t = parseTranscript([
      "President of Russia",
      "Meeting with Government members",
      "Sergey Lavrov",
      "7 February 2018",
      "",
      "Vladimir Putin: Good afternoon, colleagues.",
      "",
      "Sergey Lavrov: Thank you, Mr President.",
    ].join("\n"));
    expect(t.title).toBe("Meeting with Government members");
    expect(t.source.publisher).toBe("President of Russia");
    expect(t.place).toBeNull();
    expect(t.date).toBe("2018-02-07");
    expect(t.header.map((h) => h.role)).toEqual(["publisher", "title", "other", "date"]);
  });
});

describe("a lone name-shaped label inside a speech", () => {
  it("is kept as text with a warning, not made a speaker", () => {
    const t = parseTranscript([
      "Address to the Federal Assembly",
      "Moscow, 1 March 2018",
      "",
      "Good afternoon, colleagues.",
      "",
      "Foreign Policy: here our approach has not changed in years, and it will not change.",
      "",
      "Thank you.",
    ].join("\n"));
    expect(t.speakers).toEqual([]);
    expect(t.sections.map((s) => s.kind)).toEqual(["remarks"]);
    expect(t.warnings.map((w) => [w.line, w.code])).toEqual([[6, "label-not-recognised"]]);
  });
});

describe("the footer of a blog repost", () => {
  it("removes the blog's name and furniture but keeps the speaker's last words", () => {
    const t = parseTranscript([
      "Statement on the anniversary of the Victory",
      "Moscow, 9 May 2020",
      "",
      "Dear veterans,",
      "",
      "We remember the feat of our people.",
      "",
      "Thank you",
      "",
      "Uprooted Palestinian Blog",
      "Posted by Admin at 10:15 AM",
      "No comments:",
    ].join("\n"));
    const texts = t.sections.flatMap((s) => (s.kind === "remarks" ? s.turns : [])).flatMap((turn) => turn.paragraphs).map((p) => p.text);
    expect(texts).toEqual(["Dear veterans,", "We remember the feat of our people.", "Thank you"]);
    expect(t.removed.map((r) => [r.line, r.rule])).toEqual([[10, "footer-furniture"], [11, "blog-furniture"], [12, "blog-furniture"]]);
  });
});
